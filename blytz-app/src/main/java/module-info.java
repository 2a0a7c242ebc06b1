/**
 * Assembles the platform and the modules into one Spring Boot application ({@code live.blytz.BlytzApplication}).
 * Production runs it on the classpath (ADR 0002); this descriptor lets javac check the module boundaries.
 */
module live.blytz.app {
    requires live.blytz.platform;
    requires live.blytz.auth;
    requires live.blytz.users;
    requires live.blytz.catalog;
    requires live.blytz.auctions;

    requires spring.beans;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.context;
    requires spring.core;
    requires spring.modulith.api;
    requires spring.data.jdbc;
    requires org.jspecify;

    opens live.blytz to spring.core, spring.beans, spring.context;
}
