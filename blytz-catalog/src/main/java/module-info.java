/**
 * The category tree and the products sellers list. Publishes its events and, in the root package, what auctions may
 * do with a product ({@code ProductAuctions}).
 */
module live.blytz.catalog {
    requires transitive live.blytz.sharedkernel;
    requires live.blytz.auth;
    requires live.blytz.users;
    requires spring.beans;
    requires spring.boot;
    requires spring.context;
    requires spring.core;
    requires spring.jdbc;
    requires spring.tx;
    requires spring.web;
    requires spring.data.commons;
    requires spring.data.relational;
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

    exports live.blytz.catalog;
    exports live.blytz.catalog.events;
}
