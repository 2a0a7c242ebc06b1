-- Split topology (ADR 0033): the auth service's own database beside the marketplace's (POSTGRES_DB). Run by the
-- postgres image when it initialises an empty data directory only; on an existing one, create it by hand.
CREATE DATABASE blytz_auth OWNER blytz;
