package org.opennessledger.gateway.api;

/** Where the feeds live that the OpenAPI description cannot describe. */
public final class TimelineFeeds {

    /** The handler name of a family's Atom feed. */
    public static final String MODEL_FEED = "getModelFeed";
    /** {@code /feeds/models/{modelId}.atom}, the id as the description's IdRef allows it. */
    public static final String MODEL_FEED_PATH = "^/feeds/models/(?<modelId>[A-Za-z0-9][A-Za-z0-9._-]{0,127})\\.atom$";

    private TimelineFeeds() {
    }
}
