/** Auctions of products: bids, proxy bids, soft close and closing, kept as an event log. Publishes only its events. */
module live.blytz.auctions {
    requires transitive live.blytz.sharedkernel;
    requires live.blytz.auth;
    requires live.blytz.catalog;
    requires live.blytz.users;
    requires spring.beans;
    requires spring.boot;
    requires spring.context;
    requires spring.core;
    requires spring.jdbc;
    requires spring.tx;
    requires spring.web;
    requires spring.webmvc;
    requires spring.security.config;
    requires spring.modulith.api;
    requires spring.modulith.events.api;
    requires jakarta.validation;
    requires tools.jackson.databind;
    requires tools.jackson.core;
    requires com.fasterxml.jackson.annotation;
    requires io.swagger.v3.oas.annotations;
    requires org.slf4j;
    requires com.github.benmanes.caffeine;
    requires java.sql;

    exports live.blytz.auctions.events;
}
