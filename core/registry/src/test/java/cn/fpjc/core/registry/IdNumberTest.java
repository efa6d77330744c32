package cn.fpjc.core.registry;

import cn.fpjc.core.platform.text.Labelled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** GB 11643 checks, what derives from the number, masking, and the SM4-GCM / HMAC-SM3 protection. */
class IdNumberTest {
    // The standard's own worked example: 11010519491231002X.
    static final String EXAMPLE = "11010519491231002X";
    /** The county's date the checks run on (AppClock.today() in the product). */
    static final LocalDate TODAY = LocalDate.of(2024, 10, 8);

    @Test
    void theStandardsExampleIsValidAndDerivesBirthDateAndSex() {
        IdNumber id = IdNumber.parse(" 11010519491231002x ", TODAY);
        assertEquals(EXAMPLE, id.value());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals("F", id.sex(), "17th digit 2 is even: a woman");
        assertEquals("110105********002X", id.masked());
        assertFalse(id.toString().contains("19491231"), "toString never prints the number");
    }

    @Test
    void eachKindOfBadNumberHasItsReasonWithoutTheNumber() {
        assertEquals("身份证号校验码不正确", assertThrows(IdNumber.Invalid.class, () -> IdNumber.parse("110105194912310021", TODAY)).getMessage());
        assertTrue(assertThrows(IdNumber.Invalid.class, () -> IdNumber.parse("11010519491231002", TODAY)).getMessage().contains("18位"));
        assertTrue(assertThrows(IdNumber.Invalid.class, () -> IdNumber.parse("1101051949123100AX", TODAY)).getMessage().contains("18位"));
        String feb30 = "110105" + "19490230" + "002";
        assertTrue(assertThrows(IdNumber.Invalid.class, () -> IdNumber.parse(feb30 + IdNumber.checkChar(feb30), TODAY)).getMessage()
                .contains("出生日期"));
        String future = "110105" + (TODAY.getYear() + 1) + "0101" + "001";
        assertTrue(assertThrows(IdNumber.Invalid.class, () -> IdNumber.parse(future + IdNumber.checkChar(future), TODAY)).getMessage()
                .contains("出生日期"));
        assertEquals(LocalDate.of(TODAY.getYear() + 1, 1, 1), IdNumber.parse(future + IdNumber.checkChar(future),
                LocalDate.of(TODAY.getYear() + 1, 1, 1)).birthDate(), "born today is fine: the check follows the date it is given");
        for (String region : new String[] { "000000", "990101", "160101", "910101", "620000", "620021", "620600" }) {
            String first17 = region + "19800101" + "001";
            assertEquals("身份证号前6位不是有效的行政区划代码", assertThrows(IdNumber.Invalid.class,
                    () -> IdNumber.parse(first17 + IdNumber.checkChar(first17), TODAY)).getMessage(), region);
        }
        // Abolished codes stay valid (the place of first issue): 110102 西城 absorbed 110104 宣武 in 2010; 830000 台湾居民居住证.
        for (String region : new String[] { "110104", "469001", "830000", "820000", "500101", "654301" }) {
            String first17 = region + "19800101" + "001";
            assertEquals(region, IdNumber.parse(first17 + IdNumber.checkChar(first17), TODAY).region());
        }
        assertEquals("身份证号为空", assertThrows(IdNumber.Invalid.class, () -> IdNumber.parse(" ", TODAY)).getMessage());
    }

    @Test
    void encryptionIsRandomisedAuthenticatedAndTheHashIsStableAndKeyed() {
        byte[] k1 = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] h1 = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        PersonalDataCipher cipher = PersonalDataCipher.of(k1, h1);
        IdNumber id = IdNumber.parse(EXAMPLE, TODAY);
        byte[] a = cipher.encrypt(id);
        byte[] b = cipher.encrypt(id);
        assertNotEquals(new String(a, StandardCharsets.ISO_8859_1), new String(b, StandardCharsets.ISO_8859_1), "fresh nonce each time");
        assertFalse(new String(a, StandardCharsets.ISO_8859_1).contains("19491231"));
        assertEquals(EXAMPLE, cipher.decrypt(a).value());
        a[20] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(a), "tampering is detected");
        assertArrayEquals(cipher.lookupHash(id), cipher.lookupHash(IdNumber.parse(EXAMPLE.toLowerCase(), TODAY)));
        PersonalDataCipher otherKey = PersonalDataCipher.of(k1, "ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.US_ASCII));
        assertFalse(java.util.Arrays.equals(cipher.lookupHash(id), otherKey.lookupHash(id)));
        assertThrows(IllegalStateException.class, () -> PersonalDataCipher.of("fedcba9876543210".getBytes(StandardCharsets.US_ASCII), h1)
                .decrypt(b), "another key cannot read it");
        a[20] ^= 1;
        assertEquals(EXAMPLE, cipher.decrypt(a).value(), "the decryption that failed on tampered bytes left the thread's cipher usable");
    }

    @Test
    void theKeyedCiphersKeptPerThreadGiveWhatFreshOnesGive() throws Exception {
        byte[] k1 = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] h1 = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        PersonalDataCipher cipher = PersonalDataCipher.of(k1, h1);
        // The stored hashes of every county were made by a freshly keyed HMAC-SM3: the reused one must give the same bytes.
        org.bouncycastle.crypto.macs.HMac fresh = new org.bouncycastle.crypto.macs.HMac(new org.bouncycastle.crypto.digests.SM3Digest());
        fresh.init(new org.bouncycastle.crypto.params.KeyParameter(h1));
        byte[] in = EXAMPLE.getBytes(StandardCharsets.US_ASCII);
        fresh.update(in, 0, in.length);
        byte[] expected = new byte[fresh.getMacSize()];
        fresh.doFinal(expected, 0);
        IdNumber id = IdNumber.parse(EXAMPLE, TODAY);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected, cipher.lookupHash(id), "call " + i);
        }
        // A value encrypted by a freshly keyed SM4-GCM (as stored before) reads back.
        byte[] nonce = new byte[12];
        nonce[0] = 7;
        org.bouncycastle.crypto.modes.GCMModeCipher gcm = org.bouncycastle.crypto.modes.GCMBlockCipher.newInstance(new org.bouncycastle.crypto.engines.SM4Engine());
        gcm.init(true, new org.bouncycastle.crypto.params.AEADParameters(new org.bouncycastle.crypto.params.KeyParameter(k1), 128, nonce, null));
        byte[] stored = new byte[1 + 12 + gcm.getOutputSize(in.length)];
        stored[0] = 1;
        System.arraycopy(nonce, 0, stored, 1, 12);
        gcm.doFinal(stored, 1 + 12 + gcm.processBytes(in, 0, in.length, stored, 1 + 12));
        assertEquals(EXAMPLE, cipher.decrypt(stored).value());
        // Threads each with their own cipher: what one encrypts, another reads.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<byte[]>> made = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                made.add(pool.submit(() -> cipher.encrypt(id)));
            }
            java.util.List<java.util.concurrent.Future<String>> read = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<byte[]> f : made) {
                byte[] c = f.get();
                read.add(pool.submit(() -> cipher.decrypt(c).value()));
                assertArrayEquals(expected, pool.submit(() -> cipher.lookupHash(id)).get());
            }
            for (java.util.concurrent.Future<String> f : read) {
                assertEquals(EXAMPLE, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void perCapitaNetIncomeRoundsHalfUpToTheFen() {
        assertEquals(new BigDecimal("7600.25"), IncomeRecord.perCapita(new BigDecimal("12000"), new BigDecimal("3000.50"), BigDecimal.ZERO,
                new BigDecimal("1200"), new BigDecimal("1000.01"), 2));
        assertEquals(new BigDecimal("-500.00"), IncomeRecord.perCapita(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("1000"), 2));
        assertThrows(IllegalArgumentException.class, () -> IncomeRecord.perCapita(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, 0));
    }

    @Test
    void enumerationsAcceptChineseLabelsAndNames() {
        assertEquals(LabourCapacity.WEAK, Labelled.parse(LabourCapacity.class, "弱劳动力或半劳动力"));
        assertEquals(HousingGrade.C, Labelled.parse(HousingGrade.class, "c"));
        assertEquals(null, Labelled.parse(Relation.class, "邻居"));
    }
}
