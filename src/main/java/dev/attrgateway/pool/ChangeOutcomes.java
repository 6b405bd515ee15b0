package dev.attrgateway.pool;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.attrgateway.attributes.AttributeChangeStatus;
import dev.attrgateway.attributes.AttributeOutcome;
import dev.attrgateway.attributes.CodeDeliveryDetails;
import dev.attrgateway.attributes.UserAttribute;

/**
 * What became of each attribute of a change, in request order, from the pool's settings and Cognito's answer: no
 * call of its own.
 */
public final class ChangeOutcomes {

    private ChangeOutcomes() {
    }

    /**
     * A user's change: Cognito lists the codes it sent. An auto-verified attribute it sent none for had the value the
     * user already has. Before the pool's configuration was ever read, an attribute with a code sent is taken as in
     * effect unverified (Cognito's behaviour unless the pool keeps original values), one without as updated.
     */
    public static List<AttributeOutcome> ofUser(List<UserAttribute> attributes, Optional<PoolConfiguration> pool,
            List<CodeDeliveryDetails> deliveries) {
        Set<String> codesSentFor = deliveries.stream().map(CodeDeliveryDetails::attributeName)
                .collect(Collectors.toSet());
        return attributes.stream().map(attribute -> {
            String name = attribute.name();
            if (deleted(attribute)) {
                return new AttributeOutcome(name, AttributeChangeStatus.DELETED);
            }
            if (codesSentFor.contains(name)) {
                return new AttributeOutcome(name, pool.map(p -> p.keepsUntilVerified(name)).orElse(false)
                        ? AttributeChangeStatus.PENDING_VERIFICATION : AttributeChangeStatus.UPDATED_UNVERIFIED);
            }
            return new AttributeOutcome(name, pool.map(p -> p.sendsCode(name)).orElse(false)
                    ? AttributeChangeStatus.UNCHANGED : AttributeChangeStatus.UPDATED);
        }).toList();
    }

    /**
     * An administrator's change: Cognito's answer is empty. Its reference says that where the pool keeps original
     * values, a new value of such an attribute waits for its verification (unless the same request marks it verified,
     * which sends no code). Whether a code was sent otherwise, or whether the value was already the user's, the answer
     * does not say: those are UPDATED.
     */
    public static List<AttributeOutcome> ofAdministrator(List<UserAttribute> attributes,
            Optional<PoolConfiguration> pool) {
        return attributes.stream().map(attribute -> {
            String name = attribute.name();
            if (deleted(attribute)) {
                return new AttributeOutcome(name, AttributeChangeStatus.DELETED);
            }
            boolean pending = pool.map(p -> p.keepsUntilVerified(name)).orElse(false)
                    && !VerifiedFlags.markedVerified(attributes, name);
            return new AttributeOutcome(name,
                    pending ? AttributeChangeStatus.PENDING_VERIFICATION : AttributeChangeStatus.UPDATED);
        }).toList();
    }

    private static boolean deleted(UserAttribute attribute) {
        return attribute.value() == null || attribute.value().isEmpty();
    }
}
