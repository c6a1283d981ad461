package org.opennessledger.claims;

import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches event messages by payload and metadata, for fixtures' expectEventsMatching. */
public final class EventMatchers {

    private EventMatchers() {
    }

    /** An event message with the payload, whose metadata passes the assertions. */
    public static Matcher<EventMessage<?>> event(Object payload, Consumer<MetaData> metaDataAssertions) {
        return new TypeSafeMatcher<>() {
            private AssertionError failure;

            @Override
            protected boolean matchesSafely(EventMessage<?> message) {
                if (!payload.equals(message.getPayload())) {
                    return false;
                }
                try {
                    metaDataAssertions.accept(message.getMetaData());
                    return true;
                } catch (AssertionError e) {
                    failure = e;
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event ").appendValue(payload).appendText(" with the expected metadata");
                if (failure != null) {
                    description.appendText(" (").appendText(failure.getMessage()).appendText(")");
                }
            }
        };
    }

    /** An event message with the payload, whatever its metadata. */
    public static Matcher<EventMessage<?>> event(Object payload) {
        return event(payload, metaData -> { });
    }
}
