package org.opennessledger.claims.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opennessledger.contracts.values.ClaimStatus;

class ConsensusPolicyTest {

    @Test
    void the_default_is_v1_with_three_reviews_two_thirds_and_fourteen_days() {
        assertThat(ConsensusPolicy.DEFAULT.version()).isEqualTo("v1");
        assertThat(ConsensusPolicy.DEFAULT.minimumReviews()).isEqualTo(3);
        assertThat(ConsensusPolicy.DEFAULT.acceptRatio()).isEqualTo(2.0 / 3.0);
        assertThat(ConsensusPolicy.DEFAULT.rejectRatio()).isEqualTo(2.0 / 3.0);
        assertThat(ConsensusPolicy.DEFAULT.lockAfter()).isEqualTo(Duration.ofDays(14));
    }

    @ParameterizedTest(name = "{0} agree, {1} disagree -> {2}")
    @CsvSource({
            "0, 0, PROPOSED",
            "2, 0, PROPOSED",   // below the minimum number of reviews
            "0, 2, PROPOSED",
            "3, 0, ACCEPTED",
            "2, 1, ACCEPTED",   // 2 of 3 meets 2/3 exactly
            "1, 2, REJECTED",
            "0, 3, REJECTED",
            "2, 2, PROPOSED",
            "3, 2, PROPOSED",   // 0.6 is below 2/3
            "4, 2, ACCEPTED",   // 4 of 6 meets 2/3 exactly
            "2, 4, REJECTED",
            "6, 3, ACCEPTED",
            "5, 3, PROPOSED",
    })
    void default_policy_decides_by_count_and_share(int agree, int disagree, ClaimStatus expected) {
        assertThat(ConsensusPolicy.DEFAULT.evaluate(agree, disagree)).isEqualTo(expected);
    }

    @Test
    void shares_that_floating_point_cannot_represent_exactly_are_still_met() {
        // 0.7 * 10 is 7.000000000000001 in double arithmetic: 7 of 10 must still meet 0.7.
        ConsensusPolicy seventyPercent = new ConsensusPolicy("v9", 10, 0.7, 0.7, Duration.ofDays(1));
        assertThat(seventyPercent.evaluate(7, 3)).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(seventyPercent.evaluate(3, 7)).isEqualTo(ClaimStatus.REJECTED);
        assertThat(seventyPercent.evaluate(6, 4)).isEqualTo(ClaimStatus.PROPOSED);
    }

    @Test
    void a_unanimous_policy_needs_every_review() {
        ConsensusPolicy unanimous = new ConsensusPolicy("v2", 2, 1.0, 1.0, Duration.ofDays(1));
        assertThat(unanimous.evaluate(2, 0)).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(unanimous.evaluate(5, 1)).isEqualTo(ClaimStatus.PROPOSED);
        assertThat(unanimous.evaluate(0, 2)).isEqualTo(ClaimStatus.REJECTED);
    }

    @Test
    void accept_and_reject_ratios_may_differ() {
        ConsensusPolicy policy = new ConsensusPolicy("v3", 1, 0.75, 0.51, Duration.ofDays(1));
        assertThat(policy.evaluate(1, 0)).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(policy.evaluate(3, 1)).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(policy.evaluate(2, 1)).isEqualTo(ClaimStatus.PROPOSED);
        assertThat(policy.evaluate(1, 1)).isEqualTo(ClaimStatus.PROPOSED);
        assertThat(policy.evaluate(1, 2)).isEqualTo(ClaimStatus.REJECTED);
    }

    @Test
    void impossible_policies_cannot_be_built() {
        assertThatThrownBy(() -> new ConsensusPolicy("v2", 0, 0.7, 0.7, Duration.ofDays(1)))
                .hasMessageContaining("minimumReviews");
        assertThatThrownBy(() -> new ConsensusPolicy("v2", 3, 0.5, 0.7, Duration.ofDays(1)))
                .hasMessageContaining("acceptRatio");
        assertThatThrownBy(() -> new ConsensusPolicy("v2", 3, 0.7, 1.01, Duration.ofDays(1)))
                .hasMessageContaining("rejectRatio");
        assertThatThrownBy(() -> new ConsensusPolicy("v2", 3, Double.NaN, 0.7, Duration.ofDays(1)))
                .hasMessageContaining("acceptRatio");
        assertThatThrownBy(() -> new ConsensusPolicy("v2", 3, 0.7, 0.7, Duration.ZERO))
                .hasMessageContaining("lockAfter");
        assertThatThrownBy(() -> ConsensusPolicy.DEFAULT.evaluate(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
