package org.opennessledger.licences;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed licence expression: SPDX syntax whose operands are SPDX licence ids, {@code LicenseRef-}
 * references or ids from the {@link LicenceCatalogue}. {@link #canonical()} renders it with
 * canonical id spelling, upper-case operators and only the parentheses precedence needs.
 */
public sealed interface LicenceExpression {

    String canonical();

    /** Where an operand's id comes from. */
    enum Source { SPDX, CATALOGUE, LICENSE_REF }

    /** One licence; {@code orLater} is the SPDX "+" suffix. */
    record Licence(String id, Source source, boolean orLater) implements LicenceExpression {
        @Override
        public String canonical() {
            return orLater ? id + "+" : id;
        }
    }

    /** A licence with an exception (SPDX "WITH"); SPDX allows it on a single licence only. */
    record WithException(Licence licence, String exceptionId) implements LicenceExpression {
        @Override
        public String canonical() {
            return licence.canonical() + " WITH " + exceptionId;
        }
    }

    /** All operands apply together. */
    record AllOf(List<LicenceExpression> operands) implements LicenceExpression {
        public AllOf {
            operands = List.copyOf(operands);
        }

        @Override
        public String canonical() {
            // AND binds tighter than OR, so only OR operands need parentheses here.
            return operands.stream()
                    .map(o -> o instanceof AnyOf ? "(" + o.canonical() + ")" : o.canonical())
                    .collect(Collectors.joining(" AND "));
        }
    }

    /** The licensee may choose any one operand. */
    record AnyOf(List<LicenceExpression> operands) implements LicenceExpression {
        public AnyOf {
            operands = List.copyOf(operands);
        }

        @Override
        public String canonical() {
            return operands.stream().map(LicenceExpression::canonical).collect(Collectors.joining(" OR "));
        }
    }
}
