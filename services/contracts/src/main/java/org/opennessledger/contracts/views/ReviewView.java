package org.opennessledger.contracts.views;

import java.time.Instant;

public record ReviewView(String reviewerId, String verdict, String reason, Instant at, boolean replaced) {
}
