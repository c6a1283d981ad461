package org.opennessledger.claims.policy;

import static org.opennessledger.claims.Rejections.rejected;
import static org.opennessledger.claims.TestActors.admin;
import static org.opennessledger.claims.TestActors.as;

import java.time.Duration;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opennessledger.claims.AggregateCommandTargetResolver;
import org.opennessledger.contracts.errors.CommandRejected.Reason;
import org.opennessledger.contracts.policy.ConsensusPolicyPublished;
import org.opennessledger.contracts.policy.PublishConsensusPolicy;

class ConsensusPolicyBookTest {

    private FixtureConfiguration<ConsensusPolicyBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ConsensusPolicyBook.class);
        fixture.registerCommandTargetResolver(new AggregateCommandTargetResolver());
    }

    @Test
    void the_first_published_policy_is_v2_after_the_built_in_v1() {
        fixture.givenNoPriorActivity()
                .when(new PublishConsensusPolicy(5, 0.75, 0.8, Duration.ofDays(7)), admin("root"))
                .expectEvents(new ConsensusPolicyPublished("v2", 5, 0.75, 0.8, Duration.ofDays(7)));
    }

    @Test
    void publishing_returns_the_new_version() {
        fixture.givenNoPriorActivity()
                .when(new PublishConsensusPolicy(5, 0.75, 0.8, Duration.ofDays(7)), admin("root"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload("v2");
        fixture.given(new ConsensusPolicyPublished("v2", 5, 0.75, 0.8, Duration.ofDays(7)))
                .when(new PublishConsensusPolicy(3, 1.0, 1.0, Duration.ofSeconds(1)), admin("root"))
                .expectResultMessagePayload("v3");
    }

    @Test
    void later_policies_count_on() {
        fixture.given(new ConsensusPolicyPublished("v2", 5, 0.75, 0.8, Duration.ofDays(7)))
                .when(new PublishConsensusPolicy(3, 1.0, 1.0, Duration.ofSeconds(1)), admin("root"))
                .expectEvents(new ConsensusPolicyPublished("v3", 3, 1.0, 1.0, Duration.ofSeconds(1)));
    }

    @Test
    void publishing_needs_the_admin_role() {
        fixture.givenNoPriorActivity()
                .when(new PublishConsensusPolicy(5, 0.75, 0.8, Duration.ofDays(7)), as("mia", "reviewer,moderator"))
                .expectException(rejected(Reason.FORBIDDEN, "publishing a consensus policy needs the admin role"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PublishConsensusPolicy(5, 0.75, 0.8, Duration.ofDays(7)), Map.of())
                .expectException(rejected(Reason.FORBIDDEN, "names no actor"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "reviews={0} accept={1} reject={2} lockAfter={3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "0   | 0.7  | 0.7  | PT24H     | minimumReviews must be between 1 and 100",
            "101 | 0.7  | 0.7  | PT24H     | minimumReviews must be between 1 and 100",
            "3   | 0.5  | 0.7  | PT24H     | acceptRatio must be above 0.5 and at most 1.0",
            "3   | 1.01 | 0.7  | PT24H     | acceptRatio must be above 0.5 and at most 1.0",
            "3   | 0.7  | 0.2  | PT24H     | rejectRatio must be above 0.5 and at most 1.0",
            "3   | NaN  | 0.7  | PT24H     | acceptRatio must be above 0.5 and at most 1.0",
            "3   | 0.7  | 0.7  | PT0.5S    | lockAfter must be between 1 second and 365 days",
            "3   | 0.7  | 0.7  | PT8761H   | lockAfter must be between 1 second and 365 days",
            "3   | 0.7  | 0.7  |           | lockAfter must be between 1 second and 365 days",
    })
    void impossible_policies_are_rejected(int reviews, double accept, double reject, Duration lockAfter,
                                          String message) {
        fixture.givenNoPriorActivity()
                .when(new PublishConsensusPolicy(reviews, accept, reject, lockAfter), admin("root"))
                .expectException(rejected(Reason.INVALID, message))
                .expectNoEvents();
    }

    @Test
    void the_bounds_themselves_are_allowed() {
        fixture.givenNoPriorActivity()
                .when(new PublishConsensusPolicy(100, 1.0, 0.51, Duration.ofDays(365)), admin("root"))
                .expectEvents(new ConsensusPolicyPublished("v2", 100, 1.0, 0.51, Duration.ofDays(365)));
    }
}
