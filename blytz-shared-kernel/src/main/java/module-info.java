/**
 * The shared kernel: value types, paging, domain errors and store ports that every module speaks.
 * It has no Spring and no persistence, so any module (or a future separate service) can depend on it.
 */
module live.blytz.sharedkernel {
    requires static transitive org.jspecify;
    requires static spring.modulith.api;
    requires com.github.f4b6a3.uuid;

    exports live.blytz.sharedkernel;
    exports live.blytz.sharedkernel.error;
    exports live.blytz.sharedkernel.paging;
    exports live.blytz.sharedkernel.store;
    exports live.blytz.sharedkernel.text;
    exports live.blytz.sharedkernel.web;
}
