package cn.fpjc.core.registry;

import cn.fpjc.core.platform.clock.AppClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic, plausible registry data for the demo and the benchmarks: Chinese names (some minority names
 * with the middle dot), fictional but checksum-valid ID numbers of the county's own region, households of
 * 1–7 people with ages, labour, health, schooling and work that fit together, a year's income and the
 * 三保障 status. Deterministic for a given seed. Written with multi-row INSERTs on one connection, in
 * transactions of {@code batch} households, so a million members take minutes, not hours.
 */
public final class SyntheticRegistry {
    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
            .split("");
    private static final String[] GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英文华建国玉兰红梅志强春花海燕德明永福金凤小龙国庆建华淑珍宝山凤英")
            .split("");
    private static final String[] MINORITY = { "阿依古丽·买买提", "热依汗·吐尔逊", "扎西·次仁", "卓玛·拉姆", "阿卜杜·热合曼" };
    private static final String[] ILLNESS = { "高血压", "糖尿病", "慢性阻塞性肺病", "类风湿关节炎" };
    private static final String[] MAJOR = { "恶性肿瘤", "尿毒症", "白血病" };
    private static final String[] DISABILITY = { "肢体", "视力", "听力", "智力", "精神" };

    public record Result(int households, int members, long millis) {
    }

    private final PersonalDataCipher cipher;
    private final Random random;
    private final Set<Long> usedIds = new HashSet<>();
    private final LocalDate today;
    /** UTC wall time, as Hibernate writes instants (quarkus.hibernate-orm.jdbc.timezone=UTC), whatever the JVM's zone. */
    private final java.time.LocalDateTime createdAt;
    private String county;

    /** {@code now}: the county's current time ({@code AppClock.now()}), for ages, birth dates and the rows' timestamps. */
    public SyntheticRegistry(PersonalDataCipher cipher, long seed, java.time.Instant now) {
        this.cipher = cipher;
        this.random = new Random(seed);
        this.today = LocalDate.ofInstant(now, AppClock.CHINA);
        this.createdAt = java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
    }

    /**
     * Adds {@code count} households spread over {@code villages}, numbered {@code <village><6-digit n>} from
     * {@code firstNumber}, on a connection already switched to the tenant's database.
     */
    public Result generate(Connection c, String countyCode, List<String> villages, int count, int firstNumber, int batch)
            throws SQLException {
        long start = System.nanoTime();
        county = countyCode;
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        int members = 0;
        try {
            for (int done = 0; done < count; done += batch) {
                int n = Math.min(batch, count - done);
                members += writeBatch(c, countyCode, villages, n, firstNumber + done);
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return new Result(count, members, (System.nanoTime() - start) / 1_000_000);
    }

    private record Person(String name, IdNumber id, Relation relation, LabourCapacity labour, HealthStatus health, Integer grade,
            String disabilityType, String illness, SchoolingStage schooling, EmploymentPlace place, Integer months, boolean insured) {
    }

    private int writeBatch(Connection c, String county, List<String> villages, int n, int firstNumber) throws SQLException {
        java.time.LocalDateTime now = createdAt;
        List<List<Person>> families = new ArrayList<>(n);
        StringBuilder hh = new StringBuilder("INSERT INTO household (household_no, village_code, address, category, relocated,"
                + " no_labour_capacity, active, head_name, version, created_at, updated_at) VALUES ");
        List<Object> hp = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String village = villages.get((firstNumber + i) % villages.size());
            List<Person> family = family();
            families.add(family);
            double r = random.nextDouble();
            HouseholdCategory category = r < 0.03 ? HouseholdCategory.MONITORED : r < 0.38 ? HouseholdCategory.POVERTY_ALLEVIATED
                    : HouseholdCategory.ORDINARY;
            boolean noLabour = family.stream().noneMatch(p -> p.labour == LabourCapacity.FULL || p.labour == LabourCapacity.WEAK);
            hh.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,1,?,0,?,?)");
            hp.add(village + String.format("%06d", firstNumber + i));
            hp.add(village);
            hp.add((1 + random.nextInt(12)) + "组" + (1 + random.nextInt(80)) + "号");
            hp.add(category.name());
            hp.add(category == HouseholdCategory.POVERTY_ALLEVIATED && random.nextDouble() < 0.08);
            hp.add(noLabour);
            hp.add(family.stream().filter(p -> p.relation == Relation.HEAD).findFirst().map(p -> p.name).orElse(null));
            hp.add(now);
            hp.add(now);
        }
        List<Long> ids = insert(c, hh.toString(), hp, n);

        StringBuilder mm = new StringBuilder("INSERT INTO member (household_id, name, id_cipher, id_hash, id_masked, birth_date, sex,"
                + " relation, labour, health, disability_grade, disability_type, illness, schooling, employment_place,"
                + " employment_months, medical_insured, pension_insured, active, version, created_at, updated_at) VALUES ");
        List<Object> mp = new ArrayList<>();
        StringBuilder inc = new StringBuilder("INSERT INTO income_record (household_id, income_year, wage, production_net, property,"
                + " transfer, expenses, household_size, per_capita, period_from, period_to, version, created_at, updated_at) VALUES ");
        List<Object> ip = new ArrayList<>();
        StringBuilder gs = new StringBuilder("INSERT INTO guarantee_status (household_id, education_ok, medical_ok, housing_grade,"
                + " housing_checked_on, water_quantity_ok, water_quality_ok, water_convenience_ok, water_guarantee_ok,"
                + " water_checked_on, assessed_on, version, updated_at) VALUES ");
        List<Object> gp = new ArrayList<>();
        int memberCount = 0;
        int year = today.getYear() - 1;
        for (int i = 0; i < n; i++) {
            long hid = ids.get(i);
            List<Person> family = families.get(i);
            int workers = 0;
            for (Person p : family) {
                mm.append(memberCount == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,0,?,?)");
                memberCount++;
                mp.add(hid);
                mp.add(p.name);
                mp.add(cipher.encrypt(p.id));
                mp.add(cipher.lookupHash(p.id));
                mp.add(p.id.masked());
                mp.add(java.sql.Date.valueOf(p.id.birthDate()));
                mp.add(p.id.sex());
                mp.add(p.relation.name());
                mp.add(p.labour.name());
                mp.add(p.health.name());
                mp.add(p.grade);
                mp.add(p.disabilityType);
                mp.add(p.illness);
                mp.add(p.schooling.name());
                mp.add(p.place.name());
                mp.add(p.months);
                mp.add(p.insured);
                mp.add(p.insured && p.id.birthDate().isBefore(today.minusYears(16)));
                mp.add(now);
                mp.add(now);
                if (p.months != null) {
                    workers += p.months;
                }
            }
            BigDecimal wage = money(workers * (2600 + random.nextInt(2600)));
            BigDecimal production = money(random.nextInt(18000) + 1000);
            BigDecimal property = money(random.nextInt(10) < 3 ? random.nextInt(2500) : 0);
            BigDecimal transfer = money(500 + random.nextInt(5500));
            boolean sick = family.stream().anyMatch(p -> p.health == HealthStatus.MAJOR_ILLNESS);
            BigDecimal expenses = money(sick ? 8000 + random.nextInt(30000) : random.nextInt(2000));
            BigDecimal perCapita = IncomeRecord.perCapita(wage, production, property, transfer, expenses, family.size());
            inc.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,0,?,?)");
            ip.add(hid);
            ip.add(year);
            ip.add(wage);
            ip.add(production);
            ip.add(property);
            ip.add(transfer);
            ip.add(expenses);
            ip.add(family.size());
            ip.add(perCapita);
            ip.add(java.sql.Date.valueOf(LocalDate.of(year, 1, 1)));
            ip.add(java.sql.Date.valueOf(LocalDate.of(year, 12, 31)));
            ip.add(now);
            ip.add(now);
            boolean dropout = family.stream().anyMatch(p -> p.schooling == SchoolingStage.DROPPED_OUT);
            boolean insured = family.stream().allMatch(Person::insured);
            double h = random.nextDouble();
            String grade = h < 0.55 ? "A" : h < 0.985 ? "B" : h < 0.996 ? "C" : "D";
            LocalDate checked = today.minusDays(random.nextInt(300));
            gs.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,0,?)");
            gp.add(hid);
            gp.add(!dropout);
            gp.add(insured);
            gp.add(grade);
            gp.add(java.sql.Date.valueOf(checked));
            gp.add(random.nextDouble() > 0.004);
            gp.add(random.nextDouble() > 0.004);
            gp.add(random.nextDouble() > 0.006);
            gp.add(random.nextDouble() > 0.004);
            gp.add(java.sql.Date.valueOf(checked));
            gp.add(java.sql.Date.valueOf(checked));
            gp.add(now);
        }
        insert(c, mm.toString(), mp, 0);
        insert(c, inc.toString(), ip, 0);
        insert(c, gs.toString(), gp, 0);
        return memberCount;
    }

    private static List<Long> insert(Connection c, String sql, List<Object> params, int keys) throws SQLException {
        try (PreparedStatement st = keys > 0 ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            st.executeUpdate();
            List<Long> ids = new ArrayList<>(keys);
            if (keys > 0) {
                try (ResultSet rs = st.getGeneratedKeys()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                if (ids.size() != keys) {
                    throw new SQLException("expected " + keys + " generated keys, got " + ids.size());
                }
            }
            return ids;
        }
    }

    private List<Person> family() {
        List<Person> people = new ArrayList<>();
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        int headAge = 28 + random.nextInt(50);
        boolean headMale = random.nextDouble() < 0.85;
        people.add(person(surname, headAge, headMale, Relation.HEAD));
        if (random.nextDouble() < 0.82) {
            people.add(person(SURNAMES[random.nextInt(SURNAMES.length)], Math.max(20, headAge - 3 + random.nextInt(7)), !headMale,
                    Relation.SPOUSE));
        }
        int children = headAge < 35 ? random.nextInt(3) : headAge < 60 ? random.nextInt(4) : random.nextInt(2);
        for (int i = 0; i < children; i++) {
            people.add(person(surname, Math.max(0, headAge - 22 - random.nextInt(14)), random.nextBoolean(), Relation.CHILD));
        }
        if (headAge < 50 && random.nextDouble() < 0.35) {
            people.add(person(surname, headAge + 24 + random.nextInt(10), random.nextBoolean(), Relation.PARENT));
        }
        return people;
    }

    private Person person(String surname, int age, boolean male, Relation relation) {
        String name = random.nextDouble() < 0.004 ? MINORITY[random.nextInt(MINORITY.length)]
                : surname + GIVEN[random.nextInt(GIVEN.length)] + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        IdNumber id = idNumber(age, male);
        LabourCapacity labour;
        if (age < 16) {
            labour = LabourCapacity.NONE;
        } else if (age > 70) {
            labour = random.nextDouble() < 0.5 ? LabourCapacity.LOST : LabourCapacity.WEAK;
        } else if (age > 60) {
            labour = random.nextDouble() < 0.6 ? LabourCapacity.WEAK : LabourCapacity.FULL;
        } else {
            labour = random.nextDouble() < 0.9 ? LabourCapacity.FULL : LabourCapacity.WEAK;
        }
        double h = random.nextDouble();
        HealthStatus health = h < 0.87 ? HealthStatus.HEALTHY : h < 0.95 ? HealthStatus.CHRONIC : h < 0.97 ? HealthStatus.MAJOR_ILLNESS
                : HealthStatus.DISABLED;
        Integer grade = health == HealthStatus.DISABLED ? 1 + random.nextInt(4) : null;
        String type = health == HealthStatus.DISABLED ? DISABILITY[random.nextInt(DISABILITY.length)] : null;
        String illness = health == HealthStatus.CHRONIC ? ILLNESS[random.nextInt(ILLNESS.length)]
                : health == HealthStatus.MAJOR_ILLNESS ? MAJOR[random.nextInt(MAJOR.length)] : null;
        if (health == HealthStatus.MAJOR_ILLNESS || grade != null && grade <= 2) {
            labour = age < 16 ? LabourCapacity.NONE : LabourCapacity.LOST;
        }
        SchoolingStage schooling = age < 3 ? SchoolingStage.NOT_IN_SCHOOL : age < 6 ? SchoolingStage.PRESCHOOL
                : age < 12 ? SchoolingStage.PRIMARY : age < 15 ? SchoolingStage.JUNIOR
                : age < 18 ? (random.nextBoolean() ? SchoolingStage.SENIOR : SchoolingStage.SECONDARY_VOCATIONAL)
                : age < 22 && random.nextDouble() < 0.45 ? (random.nextBoolean() ? SchoolingStage.HIGHER_VOCATIONAL : SchoolingStage.BACHELOR)
                : SchoolingStage.NOT_IN_SCHOOL;
        EmploymentPlace place = EmploymentPlace.NONE;
        Integer months = null;
        if (labour == LabourCapacity.FULL && age >= 18 && age <= 58 && schooling == SchoolingStage.NOT_IN_SCHOOL
                && random.nextDouble() < 0.62) {
            double p = random.nextDouble();
            place = p < 0.4 ? EmploymentPlace.IN_COUNTY : p < 0.7 ? EmploymentPlace.IN_PROVINCE : EmploymentPlace.OUT_OF_PROVINCE;
            months = 3 + random.nextInt(10);
        }
        return new Person(name, id, relation, labour, health, grade, type, illness, schooling, place, months, random.nextDouble() < 0.995);
    }

    private IdNumber idNumber(int age, boolean male) {
        while (true) {
            LocalDate birth = today.minusYears(age).minusDays(1 + random.nextInt(364));
            int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
            String first17 = county + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                    + String.format("%03d", seq);
            if (usedIds.add(Long.parseLong(first17))) {
                return new IdNumber(first17 + IdNumber.checkChar(first17));
            }
        }
    }

    private static BigDecimal money(long yuan) {
        return BigDecimal.valueOf(yuan).setScale(2, RoundingMode.HALF_UP);
    }
}
