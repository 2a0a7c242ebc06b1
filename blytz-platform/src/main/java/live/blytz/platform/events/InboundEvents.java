package live.blytz.platform.events;

/**
 * Marks the events this process received from the broker while it publishes them to its own listeners, so that they
 * are not externalised again: only events of this process's own modules leave it (the externalisation's selector runs
 * in the publishing thread, when Modulith picks the listeners of a publication).
 */
final class InboundEvents {

    private static final ThreadLocal<Boolean> RECEIVING = ThreadLocal.withInitial(() -> false);

    private InboundEvents() {
    }

    static void publish(Runnable publication) {
        RECEIVING.set(true);
        try {
            publication.run();
        } finally {
            RECEIVING.remove();
        }
    }

    static boolean isInbound() {
        return RECEIVING.get();
    }
}
