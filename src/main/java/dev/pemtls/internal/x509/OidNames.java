package dev.pemtls.internal.x509;

import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * OpenSSL's long names for the object identifiers that can appear as attribute types in a
 * distinguished name (and, by the same lookup, as a SAN registeredID).
 *
 * <p>The table is data taken from OpenSSL 3.0's object database (what {@code OBJ_nid2ln} answers):
 * all X.520 attribute types, the PKCS#9 attributes, the COSINE/LDAP pilot attributes, the EV
 * jurisdiction attributes, the PKIX personal-data attributes and the Russian INN/OGRN/SNILS ones.
 * It is deliberately not the whole database: an OID outside it prints as dotted text, exactly as
 * OpenSSL prints an OID it does not know.
 */
final class OidNames {
  /*
   * One line per arc prefix: "PREFIX: ARC=longName ...". An underscore in a name stands for a
   * space (a few PKCS#9 long names contain spaces; none contains an underscore).
   */
  private static final String TABLE = """
      0.9.2342.19200300.100.1: 1=userId 2=textEncodedORAddress 3=rfc822Mailbox 4=info
      0.9.2342.19200300.100.1: 5=favouriteDrink 6=roomNumber 7=photo 8=userClass 9=host 10=manager
      0.9.2342.19200300.100.1: 11=documentIdentifier 12=documentTitle 13=documentVersion
      0.9.2342.19200300.100.1: 14=documentAuthor 15=documentLocation 20=homeTelephoneNumber
      0.9.2342.19200300.100.1: 21=secretary 22=otherMailbox 23=lastModifiedTime 24=lastModifiedBy
      0.9.2342.19200300.100.1: 25=domainComponent 26=aRecord 27=pilotAttributeType27 28=mXRecord
      0.9.2342.19200300.100.1: 29=nSRecord 30=sOARecord 31=cNAMERecord 37=associatedDomain
      0.9.2342.19200300.100.1: 38=associatedName 39=homePostalAddress 40=personalTitle
      0.9.2342.19200300.100.1: 41=mobileTelephoneNumber 42=pagerTelephoneNumber
      0.9.2342.19200300.100.1: 43=friendlyCountryName 44=uniqueIdentifier 45=organizationalStatus
      0.9.2342.19200300.100.1: 46=janetMailbox 47=mailPreferenceOption 48=buildingName
      0.9.2342.19200300.100.1: 49=dSAQuality 50=singleLevelQuality 51=subtreeMinimumQuality
      0.9.2342.19200300.100.1: 52=subtreeMaximumQuality 53=personalSignature 54=dITRedirect
      0.9.2342.19200300.100.1: 55=audio 56=documentPublisher
      1.2.643.3.131.1: 1=INN
      1.2.643.100: 1=OGRN 3=SNILS 5=OGRNIP
      1.2.840.113549.1.9: 1=emailAddress 2=unstructuredName 3=contentType 4=messageDigest
      1.2.840.113549.1.9: 5=signingTime 6=countersignature 7=challengePassword
      1.2.840.113549.1.9: 8=unstructuredAddress 9=extendedCertificateAttributes
      1.2.840.113549.1.9: 14=Extension_Request 15=S/MIME_Capabilities 16=S/MIME 20=friendlyName
      1.2.840.113549.1.9: 21=localKeyID
      1.3.6.1.4.1.311.60.2.1: 1=jurisdictionLocalityName 2=jurisdictionStateOrProvinceName
      1.3.6.1.4.1.311.60.2.1: 3=jurisdictionCountryName
      1.3.6.1.5.5.7.9: 1=id-pda-dateOfBirth 2=id-pda-placeOfBirth 3=id-pda-gender
      1.3.6.1.5.5.7.9: 4=id-pda-countryOfCitizenship 5=id-pda-countryOfResidence
      2.5.4: 3=commonName 4=surname 5=serialNumber 6=countryName 7=localityName
      2.5.4: 8=stateOrProvinceName 9=streetAddress 10=organizationName 11=organizationalUnitName
      2.5.4: 12=title 13=description 14=searchGuide 15=businessCategory 16=postalAddress
      2.5.4: 17=postalCode 18=postOfficeBox 19=physicalDeliveryOfficeName 20=telephoneNumber
      2.5.4: 21=telexNumber 22=teletexTerminalIdentifier 23=facsimileTelephoneNumber
      2.5.4: 24=x121Address 25=internationaliSDNNumber 26=registeredAddress
      2.5.4: 27=destinationIndicator 28=preferredDeliveryMethod 29=presentationAddress
      2.5.4: 30=supportedApplicationContext 31=member 32=owner 33=roleOccupant 34=seeAlso
      2.5.4: 35=userPassword 36=userCertificate 37=cACertificate 38=authorityRevocationList
      2.5.4: 39=certificateRevocationList 40=crossCertificatePair 41=name 42=givenName 43=initials
      2.5.4: 44=generationQualifier 45=x500UniqueIdentifier 46=dnQualifier 47=enhancedSearchGuide
      2.5.4: 48=protocolInformation 49=distinguishedName 50=uniqueMember 51=houseIdentifier
      2.5.4: 52=supportedAlgorithms 53=deltaRevocationList 54=dmdName 65=pseudonym 72=role
      2.5.4: 97=organizationIdentifier 98=countryCode3c 99=countryCode3n 100=dnsName
      """;

  private static final Map<String, String> LONG_NAMES = parse(TABLE);

  /**
   * OpenSSL's short names ({@code OBJ_nid2sn}) where they differ from the long name; for every
   * other OID of {@link #TABLE} the short name is the long name.
   */
  private static final String SHORT_TABLE = """
      0.9.2342.19200300.100.1: 1=UID 3=mail 25=DC 44=uid
      1.3.6.1.4.1.311.60.2.1: 1=jurisdictionL 2=jurisdictionST 3=jurisdictionC
      1.2.840.113549.1.9: 14=extReq 15=SMIME-CAPS 16=SMIME
      2.5.4: 3=CN 4=SN 6=C 7=L 8=ST 9=street 10=O 11=OU 42=GN 98=c3 99=n3
      """;

  private static final Map<String, String> SHORT_NAMES = parse(SHORT_TABLE);

  private OidNames() {}

  /**
   * The text OpenSSL's {@code OBJ_obj2txt(buf, len, obj, 0)} produces, as CPython's
   * {@code _asn1obj2py(name, 0)} and OpenSSL's {@code i2t_ASN1_OBJECT} use it: the long name when
   * OpenSSL knows the OID, otherwise its dotted-decimal form.
   */
  static String text(ASN1ObjectIdentifier oid) {
    String dotted = oid.getId();
    return LONG_NAMES.getOrDefault(dotted, dotted);
  }

  /**
   * The name OpenSSL's {@code X509_NAME_print_ex} writes with {@code XN_FLAG_FN_SN}: the short
   * name ({@code CN}, {@code O}, {@code emailAddress}), or the dotted OID when OpenSSL does not
   * know it.
   */
  static String shortName(ASN1ObjectIdentifier oid) {
    String dotted = oid.getId();
    String sn = SHORT_NAMES.get(dotted);
    return sn != null ? sn : LONG_NAMES.getOrDefault(dotted, dotted);
  }

  /** The whole short-name mapping, dotted OID to short name; for tests against OpenSSL. */
  static Map<String, String> allShort() {
    Map<String, String> all = new java.util.HashMap<>();
    for (String oid : LONG_NAMES.keySet()) {
      all.put(oid, SHORT_NAMES.getOrDefault(oid, LONG_NAMES.get(oid)));
    }
    return all;
  }

  /** The whole table, dotted OID to long name; for tests that check it against OpenSSL. */
  static Map<String, String> all() {
    return LONG_NAMES;
  }

  private static Map<String, String> parse(String table) {
    Map<String, String> names = new HashMap<>();
    for (String line : table.strip().split("\n")) {
      String[] parts = line.strip().split(" ");
      String prefix = parts[0].substring(0, parts[0].length() - 1);
      for (int i = 1; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        names.put(prefix + "." + parts[i].substring(0, eq),
            parts[i].substring(eq + 1).replace('_', ' '));
      }
    }
    return Map.copyOf(names);
  }
}
