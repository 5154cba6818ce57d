package org.palimpsest.archive.projection;

import java.util.List;

/**
 * A projection that can be rebuilt blue/green: a fresh instance projects the whole log into the next generation's
 * collections while this one keeps answering; then this one adopts the fresh collections in one step.
 */
public interface Rebuildable {

    /** The Axon processing group (and processor name) that feeds this projection. */
    String processingGroup();

    Generation generation();

    /** A new, empty instance writing to {@code generation}'s collections. */
    Rebuildable fresh(Generation generation);

    /** From now on read and write {@code rebuilt}'s collections (which must be of this class). */
    void adopt(Rebuildable rebuilt);

    /** The collection names, for dropping a generation once it is no longer read. */
    List<String> collections(Generation generation);
}
