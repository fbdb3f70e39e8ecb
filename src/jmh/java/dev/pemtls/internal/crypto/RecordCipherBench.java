package dev.pemtls.internal.crypto;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;
import org.bouncycastle.tls.crypto.impl.jcajce.JceAEADCipherImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One TLS record's AEAD work in isolation, without sockets: AES-256-GCM encryption of a {@code
 * size}-byte record with its 13-byte additional data, then its decryption, as BCJSSE's record
 * layer drives a {@code TlsAEADCipherImpl} (init with the record's nonce, output size, doFinal).
 * {@code impl}: {@code pemtls} is {@link JdkAeadCipher}, {@code bcjsse} BCJSSE's own {@code
 * JceAEADCipherImpl} on the same JDK cipher. Both run the JDK's AES-GCM; the difference is what
 * each does around it per record.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Thread)
public class RecordCipherBench {
  private static final int TAG = 16;

  @Param({"1024", "16384"})
  public int size;

  @Param({"pemtls", "bcjsse"})
  public String impl;

  private TlsAEADCipherImpl encrypt;
  private TlsAEADCipherImpl decrypt;
  private byte[] record;
  private byte[] copy;
  private final byte[] nonce = new byte[12];
  private final byte[] additionalData = new byte[13];
  private long sequence;

  @Setup
  public void setUp() throws Exception {
    JdkFirstJcaJceHelper helper = new JdkFirstJcaJceHelper();
    SecureRandom random = new SecureRandom();
    PemTlsCrypto crypto = new PemTlsCrypto(helper, random, random);
    switch (impl) {
      case "pemtls":
        encrypt = JdkAeadCipher.aesGcm(helper, 32, true);
        decrypt = JdkAeadCipher.aesGcm(helper, 32, false);
        break;
      case "bcjsse":
        encrypt = new JceAEADCipherImpl(crypto, helper, JdkAeadCipher.AES_GCM, "AES", 32, true);
        decrypt = new JceAEADCipherImpl(crypto, helper, JdkAeadCipher.AES_GCM, "AES", 32, false);
        break;
      default:
        throw new IllegalArgumentException("impl: pemtls or bcjsse, not " + impl);
    }
    byte[] key = new byte[32];
    random.nextBytes(key);
    encrypt.setKey(key, 0, key.length);
    decrypt.setKey(key, 0, key.length);
    record = new byte[size + TAG];
    copy = new byte[size + TAG];
    random.nextBytes(record);
    random.nextBytes(nonce);
    random.nextBytes(additionalData);
  }

  /** Encrypts one record in place and decrypts it again; returns the plaintext length. */
  @Benchmark
  public int encryptThenDecrypt() throws Exception {
    long seq = ++sequence;
    for (int i = 0; i < 8; i++) {
      nonce[4 + i] = (byte) (seq >>> (56 - 8 * i)); // a new nonce per record, as TLS's
    }
    encrypt.init(nonce, TAG);
    int sealed = encrypt.getOutputSize(size);
    if (encrypt.doFinal(additionalData, record, 0, size, record, 0) != sealed) {
      throw new IllegalStateException("encryption output size");
    }
    System.arraycopy(record, 0, copy, 0, sealed);
    decrypt.init(nonce, TAG);
    int opened = decrypt.getOutputSize(sealed);
    if (decrypt.doFinal(additionalData, copy, 0, sealed, copy, 0) != opened) {
      throw new IllegalStateException("decryption output size");
    }
    return opened;
  }
}
