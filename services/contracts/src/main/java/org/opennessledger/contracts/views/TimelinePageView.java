package org.opennessledger.contracts.views;

import java.util.List;

/** One page of a timeline; {@code next} is the cursor (an event position) for the following page, null on the last. */
public record TimelinePageView(List<HistoryEntryView> entries, Long next) {
}
