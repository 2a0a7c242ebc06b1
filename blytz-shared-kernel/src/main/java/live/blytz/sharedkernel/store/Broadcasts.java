package live.blytz.sharedkernel.store;

/**
 * Short messages to every running instance through the shared store (for invalidating what instances keep in
 * memory). Delivery is at most once: a message sent while an instance is not subscribed is lost to it, which is
 * why a {@link Listener} hears when its subscription (re)starts and must then drop whatever it may have missed.
 */
public interface Broadcasts {

    /**
     * Sends {@code message} to every instance subscribed to {@code channel} now, this one included. Reports an outage
     * as {@link live.blytz.sharedkernel.error.DependencyUnavailableException}.
     */
    void publish(String channel, String message);

    /**
     * Listens to {@code channel} for the life of the application. Subscribing never fails: while the store is
     * unreachable the subscription is retried, and {@link Listener#resumed()} marks each moment it starts again.
     */
    void subscribe(String channel, Listener listener);

    /** What a subscriber hears. Called on the store client's threads: keep it short, never block. */
    interface Listener {

        void received(String message);

        /** The subscription (re)started: messages sent before this moment may have been missed. */
        void resumed();
    }
}
