/**
 * What every module runs on: runtime (embedded or external PostgreSQL and Redis), the Redis adapters of the shared
 * kernel's ports, the security filter chain, problem details, rate limiting, JSON, OpenAPI, observability.
 * It requires the shared kernel and no module. Production runs it on the classpath (ADR 0002); this descriptor lets
 * javac check that.
 */
module live.blytz.platform {
    requires live.blytz.sharedkernel;

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
    requires spring.modulith.events.api;
    requires spring.modulith.events.core;
    requires spring.amqp;
    requires spring.rabbit;
    requires spring.boot.jackson;
    requires tools.jackson.databind;
    requires org.apache.tomcat.embed.core;
    requires spring.boot.webmvc;
    requires spring.boot.web.server;
    requires spring.boot.tomcat;
    requires micrometer.core;
    requires jakarta.validation;
    requires org.hibernate.validator;
    requires spring.boot.validation;
    requires org.slf4j;
    requires redisson;
    requires io.github.bucket4j.core;
    requires io.github.bucket4j.redisson;
    requires com.github.benmanes.caffeine;
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
}
