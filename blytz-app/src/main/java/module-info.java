/**
 * Assembles the modules into one Spring Boot application and owns what cuts across them: runtime
 * (embedded PostgreSQL and Redis), the security filter chain, problem details, rate limiting, observability.
 * Production runs it on the classpath (ADR 0002); this descriptor lets javac check the module boundaries.
 */
module live.blytz.app {
    requires live.blytz.sharedkernel;
    requires live.blytz.auth;
    requires live.blytz.users;
    requires live.blytz.catalog;

    requires spring.beans;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.boot.health;
    requires spring.context;
    requires spring.core;
    requires spring.jdbc;
    requires spring.tx;
    requires spring.web;
    requires spring.webmvc;
    requires spring.security.config;
    requires spring.security.core;
    requires spring.security.web;
    requires spring.security.oauth2.core;
    requires spring.security.oauth2.jose;
    requires spring.security.oauth2.resource.server;
    requires spring.modulith.api;
    requires spring.modulith.core;
    requires spring.boot.jackson;
    requires tools.jackson.databind;
    requires org.apache.tomcat.embed.core;
    requires spring.boot.webmvc;
    requires spring.boot.web.server;
    requires spring.boot.tomcat;
    requires micrometer.core;
    requires jakarta.validation;
    requires org.slf4j;
    requires redisson;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.micrometer;
    requires embedded.postgres;
    requires embedded.redis;
    requires io.swagger.v3.oas.models;
    requires io.swagger.v3.oas.annotations;
    requires io.swagger.v3.core;
    requires com.fasterxml.jackson.databind;
    requires org.springdoc.openapi.common;
    requires java.sql;
    requires org.apache.commons.logging;

    opens live.blytz to spring.core, spring.beans, spring.context;
}
