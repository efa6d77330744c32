package cn.fpjc.core.registry.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One parsed row of an import file, as it is staged in {@code import_row}; enumerations by English name. */
final class StagedRow {
    int rowNo;
    String householdNo;
    String villageCode;
    String address;
    String category;
    Boolean relocated;
    Boolean noLabourCapacity;
    String householdExtraJson;
    String name;
    /** The valid ID number, until {@link ImportStaging} encrypts and hashes it (in parallel, a chunk at a time). */
    cn.fpjc.core.registry.IdNumber id;
    byte[] idCipher;
    byte[] idHash;
    String idMasked;
    LocalDate birthDate;
    String sex;
    String relation;
    String labour;
    String health;
    Integer disabilityGrade;
    String disabilityType;
    String illness;
    String schooling;
    String employmentPlace;
    Integer employmentMonths;
    Boolean medicalInsured;
    Boolean pensionInsured;
    String memberExtraJson;
    Integer incomeYear;
    BigDecimal wage;
    BigDecimal productionNet;
    BigDecimal property;
    BigDecimal transfer;
    BigDecimal expenses;
    LocalDate periodFrom;
    LocalDate periodTo;
    /** The cells as given, tab-separated, the ID number masked: what the report shows beside the result. */
    String cells;
    final List<String> errors = new ArrayList<>();

    String error() {
        if (errors.isEmpty()) {
            return null;
        }
        String joined = String.join("；", errors);
        return joined.length() > 1900 ? joined.substring(0, 1900) + "…" : joined;
    }
}
