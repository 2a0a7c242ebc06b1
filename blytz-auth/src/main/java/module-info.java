/** Accounts, credentials, roles, sessions and tokens. Publishes only its facade and its events. */
module live.blytz.auth {
    requires transitive live.blytz.sharedkernel;
    requires spring.beans;
    requires spring.context;
    requires spring.core;
    requires spring.web;
    requires spring.security.config;
    requires spring.modulith.api;
    requires spring.modulith.events.api;

    exports live.blytz.auth;
    exports live.blytz.auth.events;
}
