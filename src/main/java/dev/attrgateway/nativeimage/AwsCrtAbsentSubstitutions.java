package dev.attrgateway.nativeimage;

import java.util.function.BooleanSupplier;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.internal.ChecksumProvider;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

/**
 * Native image only: lets the SDK link without its optional {@code software.amazon.awssdk.crt:aws-crt} library, which
 * the gateway does not ship.
 * <p>
 * {@code SdkChecksum.forAlgorithm} (module {@code checksums}, reached from the SigV4 signer's flexible checksums in
 * {@code http-auth-aws}) calls {@link ChecksumProvider}, whose CRT branches instantiate CRT classes directly and guard
 * them only with a run-time class-presence check. On the JVM the missing classes are never loaded; Quarkus builds the
 * image with {@code --link-at-build-time}, so the builder stops on them. Each substitution keeps the SDK's own
 * behaviour without CRT: the branch its presence check would have refused. Active only while CRT is absent.
 */
final class AwsCrtAbsentSubstitutions {

    static final String CRT_MODULE = "software.amazon.awssdk.crt:aws-crt";
    static final String CRT_CRC64NVME = "software.amazon.awssdk.crt.checksums.CRC64NVME";
    static final String CRT_XXHASH = "software.amazon.awssdk.crt.checksums.XXHash";

    private AwsCrtAbsentSubstitutions() {
    }

    /** True when the image class path has no CRT, decided in the image builder. */
    static final class CrtAbsent implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            try {
                Class.forName(CRT_CRC64NVME, false, CrtAbsent.class.getClassLoader());
                return false;
            } catch (ClassNotFoundException e) {
                return true;
            }
        }
    }

    @TargetClass(value = ChecksumProvider.class, onlyWith = CrtAbsent.class)
    static final class Target_ChecksumProvider {

        /** {@code new CRC64NVME()} made the build fail; without CRT the SDK throws this same exception. */
        @Substitute
        static SdkChecksum crc64NvmeCrtImplementation() {
            throw new RuntimeException("Could not load " + CRT_CRC64NVME + ". Add dependency on '" + CRT_MODULE
                    + "' module to enable CRC64NVME feature.");
        }

        /** {@code new CRC32C()} (CRT's) made the build fail; without CRT the SDK returns null and uses the JDK's. */
        @Substitute
        static SdkChecksum createCrtCrc32C() {
            return null;
        }

        /** {@code new XxHashChecksum(...)} (fields of CRT's XXHash) made the build fail; without CRT the SDK throws. */
        @Substitute
        static SdkChecksum crtXxHash(ChecksumAlgorithm algorithm) {
            throw new RuntimeException(String.format("Could not load %s for algorithm: %s. Add dependency on '%s' module.",
                    CRT_XXHASH, algorithm.algorithmId(), CRT_MODULE));
        }
    }
}
