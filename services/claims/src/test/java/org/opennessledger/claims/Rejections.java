package org.opennessledger.claims;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.opennessledger.contracts.errors.CommandRejected;

/** Matches a {@link CommandRejected} by reason and a part of its message. */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<CommandRejected> rejected(CommandRejected.Reason reason, String messagePart) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected rejection) {
                return rejection.reason() == reason && rejection.getMessage() != null
                        && rejection.getMessage().contains(messagePart);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejected " + reason + " with a message containing ")
                        .appendValue(messagePart);
            }

            @Override
            protected void describeMismatchSafely(CommandRejected rejection, Description description) {
                description.appendText("was " + rejection.reason() + ": ").appendValue(rejection.getMessage());
            }
        };
    }
}
