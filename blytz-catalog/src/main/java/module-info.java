/** The category tree and the products sellers list. Publishes only its facade and its events. */
module live.blytz.catalog {
    requires transitive live.blytz.sharedkernel;
    requires live.blytz.auth;
    requires live.blytz.users;
    requires spring.beans;
    requires spring.context;
    requires spring.core;
    requires spring.web;
    requires spring.security.config;
    requires spring.modulith.api;
    requires spring.modulith.events.api;

    exports live.blytz.catalog;
    exports live.blytz.catalog.events;
}
