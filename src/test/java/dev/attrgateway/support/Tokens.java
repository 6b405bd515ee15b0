package dev.attrgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Access tokens the emulator would not issue: changed claims signed with the emulator's own key (it ships
 * in the npm package), or the real claims signed with a key nobody trusts.
 */
public final class Tokens {

    private static final String EMULATOR_KEY = "src/local/cognito-local/node_modules/cognito-local/lib/keys/cognitoLocal.private.json";
    private static final String EMULATOR_KEY_ID = "CognitoLocal";

    private Tokens() {
    }

    /** The token's claims, changed by {@code edit}, signed with the emulator's key. */
    public static String withClaims(String token, Consumer<JwtClaims> edit) {
        return sign(edit(token, edit), emulatorKey());
    }

    /**
     * A valid access token of alice's, re-issued for another user: its own {@code sub} and {@code username},
     * and its own {@code jti}, so that no two calls return the same token. Against the stub, any user will do.
     */
    public static String forUser(String token, String username) {
        return withClaims(token, claims -> {
            claims.setSubject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString());
            claims.setClaim("username", username);
            claims.setJwtId(UUID.randomUUID().toString());
        });
    }

    /** A valid access token of a user nobody else uses, with the name starting with {@code prefix} (see forUser). */
    public static String ofNewUser(String prefix) {
        return forUser(DemoUsers.accessToken("alice"), prefix + "-" + UUID.randomUUID());
    }

    /** The token's claims unchanged, signed with a freshly made key under the emulator's key id. */
    public static String signedByAnotherKey(String token) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(edit(token, claims -> {
            }), generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token, expired an hour ago, validly signed. */
    public static String expired(String token) {
        long now = System.currentTimeMillis() / 1000;
        return withClaims(token, claims -> {
            claims.setClaim("iat", now - 7200);
            claims.setClaim("auth_time", now - 7200);
            claims.setClaim("exp", now - 3600);
        });
    }

    private static JwtClaims edit(String token, Consumer<JwtClaims> edit) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            JwtClaims claims = JwtClaims.parse(payload);
            edit.accept(claims);
            return claims;
        } catch (Exception e) {
            throw new IllegalStateException("Not a JWT", e);
        }
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        return sign(claims, key, EMULATOR_KEY_ID);
    }

    /** The claims as an RS256 JWT, signed with {@code key} and naming {@code keyId} in its header. */
    public static String sign(JwtClaims claims, PrivateKey key, String keyId) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setKeyIdHeaderValue(keyId);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey emulatorKey() {
        try {
            var json = JsonUtil.parseJson(Files.readString(Path.of(EMULATOR_KEY)));
            @SuppressWarnings("unchecked")
            var jwk = (java.util.Map<String, Object>) json.get("jwk");
            return PublicJsonWebKey.Factory.newPublicJwk(jwk).getPrivateKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
