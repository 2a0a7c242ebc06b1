/**
 * User profiles, public seller pages and user administration. Publishes only its events: no other module calls it
 * (its root package holds just the module's declaration, which has nothing to export).
 */
module live.blytz.users {
    requires transitive live.blytz.sharedkernel;
    requires live.blytz.auth;
    requires spring.beans;
    requires spring.context;
    requires spring.core;
    requires spring.tx;
    requires spring.jdbc;
    requires spring.data.commons;
    requires spring.data.jdbc;
    requires spring.data.relational;
    requires spring.web;
    requires spring.security.config;
    requires spring.modulith.api;
    requires spring.modulith.events.api;
    requires io.swagger.v3.oas.annotations;
    requires com.fasterxml.jackson.annotation;
    requires org.slf4j;
    requires java.sql;

    exports live.blytz.users.events;
}
