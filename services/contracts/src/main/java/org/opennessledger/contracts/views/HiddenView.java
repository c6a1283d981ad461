package org.opennessledger.contracts.views;

import java.time.Instant;

/** Content a moderator hid from public reads: by whom, why, when. */
public record HiddenView(String by, String reason, Instant at) {
}
