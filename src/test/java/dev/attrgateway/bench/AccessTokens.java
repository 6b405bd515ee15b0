package dev.attrgateway.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import dev.attrgateway.security.Callers;
import dev.attrgateway.support.Tokens;

/**
 * An issuer's RS256 key and access tokens shaped like cognito-local's (the claims its {@code InitiateAuth}
 * puts in), one distinct user each, so that the benchmark needs no emulator and no sign-in per user.
 */
record AccessTokens(String issuer, String clientId, RsaJsonWebKey key) {

    private static final String KEY_ID = "bench";

    static AccessTokens generate(String issuer) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(KEY_ID);
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse(Use.SIGNATURE);
            return new AccessTokens(issuer, "benchclient" + Long.toHexString(System.nanoTime()), key);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document the gateway reads at {@code <issuer>/.well-known/jwks.json}. */
    String jwks() {
        return new JsonWebKeySet(key).toJson(OutputControlLevel.PUBLIC_ONLY);
    }

    /** Access tokens of the users {@code user-0} ... {@code user-<count - 1>}, valid for a day. */
    List<String> mint(int count) {
        long now = Instant.now().getEpochSecond();
        // Signing is the slow part (about a millisecond a token): use every core.
        return IntStream.range(0, count).parallel().mapToObj(n -> accessToken("user-" + n, now)).toList();
    }

    private String accessToken(String username, long now) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("sub", UUID.nameUUIDFromBytes(username.getBytes()).toString());
        claims.setClaim("event_id", UUID.randomUUID().toString());
        claims.setClaim("token_use", "access");
        claims.setClaim("scope", Callers.SELF_SERVICE_SCOPE);
        claims.setClaim("auth_time", now);
        claims.setClaim("iss", issuer);
        claims.setClaim("exp", now + 24 * 3600);
        claims.setClaim("iat", now);
        claims.setClaim("jti", UUID.randomUUID().toString());
        claims.setClaim("client_id", clientId);
        claims.setClaim("username", username);
        return Tokens.sign(claims, key.getPrivateKey(), KEY_ID);
    }
}
