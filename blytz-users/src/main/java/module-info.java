/** User profiles, public seller pages and user administration. Publishes only its facade and its events. */
module live.blytz.users {
    requires transitive live.blytz.sharedkernel;
    requires live.blytz.auth;
    requires spring.beans;
    requires spring.context;
    requires spring.core;
    requires spring.web;
    requires spring.security.config;
    requires spring.modulith.api;
    requires spring.modulith.events.api;

    exports live.blytz.users;
    exports live.blytz.users.events;
}
