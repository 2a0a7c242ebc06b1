package live.blytz.sharedkernel;

import java.util.UUID;

/** An identifier that knows which aggregate it names, so a product id can never be passed as a user id. */
public interface TypedId {

    UUID value();
}
