/**
 * Accounts, credentials, roles, sessions and tokens. Publishes its events and, for a process that verifies its tokens
 * without running it, the token rules and the JWKS verifier (its root package).
 */
module live.blytz.auth {
    requires transitive live.blytz.sharedkernel;
    requires spring.beans;
    requires spring.boot;
    requires spring.context;
    requires spring.context.support;
    requires spring.core;
    requires spring.aop;
    requires spring.tx;
    requires spring.jdbc;
    requires spring.web;
    requires spring.data.commons;
    requires spring.data.relational;
    requires spring.data.jdbc;
    requires spring.security.config;
    requires spring.security.core;
    requires spring.security.crypto;
    requires spring.security.web;
    requires spring.security.oauth2.core;
    requires spring.security.oauth2.jose;
    requires spring.security.oauth2.resource.server;
    requires spring.modulith.api;
    requires spring.modulith.events.api;
    requires com.nimbusds.jose.jwt;
    requires com.github.benmanes.caffeine;
    requires io.swagger.v3.oas.annotations;
    requires io.swagger.v3.oas.models;
    requires org.springdoc.openapi.common;
    requires jakarta.validation;
    requires org.apache.tomcat.embed.core;
    requires org.slf4j;
    requires java.sql;

    exports live.blytz.auth;
    exports live.blytz.auth.events;
}
