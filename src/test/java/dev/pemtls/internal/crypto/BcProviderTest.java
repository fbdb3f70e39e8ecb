package dev.pemtls.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class BcProviderTest {
  @Test
  void everyServiceAnsweredWithoutBuildingIt_isOneBouncyCastleServes() {
    Provider bc = new BouncyCastleProvider();
    for (String entry : BcProvider.PROBED) {
      int dot = entry.indexOf('.');
      assertNotNull(bc.getService(entry.substring(0, dot), entry.substring(dot + 1)),
          "BouncyCastle " + bc.getVersionStr() + " lacks " + entry);
    }
  }

  @Test
  void offers_isCaseInsensitive_andRefusesWhatIsNotListed() {
    assertTrue(BcProvider.offers("Signature", "ml-dsa"));
    assertTrue(BcProvider.offers("Signature", "SM3withSM2"));
    assertTrue(!BcProvider.offers("Signature", "GOST3411WITHECGOST3410"));
  }
}
