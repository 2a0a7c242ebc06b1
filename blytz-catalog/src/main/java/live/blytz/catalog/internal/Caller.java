package live.blytz.catalog.internal;

import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;

/** Who is asking: the token's subject and whether it carries the admin role. */
public record Caller(UserId id, boolean admin) {

    boolean owns(UserId sellerId) {
        return id.equals(sellerId);
    }

    /** True when the caller may see and change what the seller owns. */
    static boolean mayManage(@Nullable Caller caller, UserId sellerId) {
        return caller != null && (caller.admin() || caller.owns(sellerId));
    }
}
