package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.assistance.payment.PaymentRequests.BatchInput;
import cn.fpjc.core.assistance.payment.PaymentRequests.Cancel;
import cn.fpjc.core.assistance.payment.PaymentRequests.Decision;
import cn.fpjc.core.assistance.payment.PaymentRequests.Line;
import cn.fpjc.core.assistance.payment.PaymentRequests.Reissue;
import cn.fpjc.core.assistance.payment.PaymentViews.BatchDetail;
import cn.fpjc.core.assistance.payment.PaymentViews.BatchView;
import cn.fpjc.core.assistance.payment.PaymentViews.InstructionView;
import cn.fpjc.core.assistance.payment.PaymentViews.Outcome;
import cn.fpjc.core.assistance.payment.PaymentViews.ReturnResult;
import cn.fpjc.core.platform.query.InLists;
import jakarta.persistence.EntityManager;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.ErrorCode;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.platform.text.Labelled;
import cn.fpjc.core.platform.web.Page;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.Member;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Payments to the household's 一卡通 account (issue 13): batches of one programme and period, their instructions, approval
 * and release by different people, the bank's return, re-issue of a failed payment.
 *
 * <p>Roles: county staff who run programmes make batches and instructions ({@link #MAKERS}: county-admin or
 * county-approver); a county-approver who did not make the batch approves it; a county-finance person (县级资金拨付) who
 * neither made nor approved it releases it, downloads the bank file and imports the bank's return.
 *
 * <p>No double payment: at most one live instruction per programme, period and beneficiary is the database's unique key
 * {@code uk_payment_beneficiary} (the checks here only give the friendly message first). An idempotency key per
 * request ({@code Idempotency-Key}) is stored on what it made ({@code uk_payment_batch_idem},
 * {@code uk_payment_instruction_idem}): the same key with the same content answers what the first request made, with
 * other content {@link PaymentError#PAYMENT_IDEMPOTENCY_KEY_REUSED}.
 *
 * <p>Amounts are yuan to the fen and never rounded here: an amount with more than two decimals is refused.
 */
@ApplicationScoped
public class PaymentService {
    /** Who makes batches and instructions (and re-issues): 县级管理员 or 县级审定人员. */
    public static final String[] MAKERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER };
    /** Who reads batches, instructions and ledgers: the makers and 县级资金拨付. */
    public static final String[] READERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.COUNTY_FINANCE };
    static final int MAX_LINES = 5000;
    /** A batch made from approved applications or a payroll; the bank return reader takes as many rows. */
    static final int MAX_GENERATED_LINES = 100_000;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    @Inject
    CurrentUser user;

    @Inject
    AppClock clock;

    @Inject
    AuditLog audit;

    @Inject
    Instance<PaymentProgrammes> programmes;

    // ---------------------------------------------------------------- batches

    /**
     * Creates a batch of one programme and period from lines {memberId, amount, note}: the Java entry point of the
     * programme engine (it joins the caller's transaction). Every line is checked before anything is written; problems are
     * listed per line ({@code lines[i].memberId}, …) under VALIDATION_FAILED, or under the conflict's own 409 code when a
     * line's beneficiary already has a live instruction of the programme and period (or one that failed and must be
     * re-issued). The current user must be one of {@link #MAKERS}. {@code idempotencyKey} (optional, 1—64 of
     * A-Z a-z 0-9 . _ : -): a repeat with the same key and content returns the batch the first made ({@code created} false).
     * Two requests racing with one key: one makes the batch, the other fails on {@code uk_payment_batch_idem}
     * (PAYMENT_REQUEST_IN_PROGRESS; the API then answers the first's batch).
     */
    @Transactional
    public Outcome<BatchDetail> createBatch(BatchInput in, String idempotencyKey) {
        return createBatch(in, idempotencyKey, MAX_LINES);
    }

    /**
     * The same, for the lines of a period the programme engine or the payroll computed from the database: up to
     * {@link #MAX_GENERATED_LINES} (as many as a bank return file may answer), where a request body is capped at
     * {@link #MAX_LINES}.
     */
    @Transactional
    public Outcome<BatchDetail> createGeneratedBatch(BatchInput in) {
        return createBatch(in, null, MAX_GENERATED_LINES);
    }

    private Outcome<BatchDetail> createBatch(BatchInput in, String idempotencyKey, int maxLines) {
        user.requireAnyRole(MAKERS);
        String key = checkKey(idempotencyKey);
        if (in == null) {
            in = new BatchInput(null, null, null, null);
        }
        String digest = digestOf(in);
        if (key != null) {
            Optional<Outcome<BatchDetail>> replay = replayBatch(key, digest);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        List<FieldError> errors = new ArrayList<>();
        String programmeName = programme(in.programmeId(), errors);
        Period.problem(in.period()).ifPresent(p -> errors.add(new FieldError("period", p)));
        String note = text(in.note(), "note", "备注", errors);
        List<Line> lines = in.lines() == null ? List.of() : in.lines();
        if (lines.size() > maxLines) {
            errors.add(new FieldError("lines", "每批不超过" + maxLines + "笔，请分批"));
        }
        ApiException.refuseIfAny(errors);
        String programmeId = in.programmeId().strip();
        String period = in.period().strip();
        List<Prepared> prepared = new ArrayList<>();
        ErrorCode conflict = null;
        Set<Long> seen = new HashSet<>();
        Facts facts = Facts.of(programmeId, period, lines.stream().filter(l -> l != null && l.memberId() != null).map(Line::memberId).toList());
        for (int i = 0; i < lines.size() && lines.size() <= maxLines; i++) {
            Line line = lines.get(i) == null ? new Line(null, null, null) : lines.get(i);
            String field = "lines[" + i + "]";
            try {
                if (line.memberId() != null && !seen.add(line.memberId())) {
                    errors.add(new FieldError(field + ".memberId", "同一对象在本批中出现多次"));
                    continue;
                }
                prepared.add(prepare(programmeId, period, line, field, errors, null, facts));
            } catch (ApiException e) {
                conflict = conflict == null ? e.code() : conflict;
                errors.add(new FieldError(field + ".memberId", e.humanMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(conflict == null ? PlatformError.VALIDATION_FAILED : conflict, null, List.copyOf(errors));
        }
        PaymentBatch b = new PaymentBatch();
        b.programmeId = programmeId;
        b.programmeName = programmeName;
        b.period = period;
        b.status = BatchStatus.DRAFT;
        b.note = note;
        b.idempotencyKey = key;
        b.requestDigest = key == null ? null : digest;
        b.createdAt = clock.now();
        b.createdBy = user.username();
        b.persist();
        PaymentBatch.flush(); // the batch's id (instruction numbers) and its idempotency key, refused here in a race
        // Written in beneficiary order (every writer takes the unique key's entries in one order: two overlapping batches
        // racing end in a 409, not a deadlock), numbered in line order.
        b.lineSeq = prepared.size();
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, prepared.size()).boxed().toList());
        order.sort(java.util.Comparator.comparing(k -> prepared.get(k).member().id));
        for (int k : order) {
            write(b, k + 1, prepared.get(k), null, null, null);
        }
        PaymentInstruction.flush();
        BatchDetail detail = detail(b);
        audit.record("CREATE", "payment_batch", String.valueOf(b.id), null, detail.batch());
        return new Outcome<>(detail, true);
    }

    /** What identifies a batch request's content, for its idempotency key. */
    public static String digestOf(BatchInput in) {
        BatchInput b = in == null ? new BatchInput(null, null, null, null) : in;
        return digest("batch", b.programmeId(), b.period(), b.note(), lines(b.lines()));
    }

    /** What an earlier request with this idempotency key made, if any (another content: PAYMENT_IDEMPOTENCY_KEY_REUSED). */
    @Transactional
    public Optional<Outcome<BatchDetail>> replayBatch(String key, String digest) {
        user.requireAnyRole(MAKERS);
        PaymentBatch earlier = PaymentBatch.find("idempotencyKey", key).firstResult();
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.requestDigest.equals(digest)) {
            throw new ApiException(PaymentError.PAYMENT_IDEMPOTENCY_KEY_REUSED);
        }
        return Optional.of(new Outcome<>(detail(earlier), false));
    }

    @Transactional
    public BatchDetail get(long batchId) {
        user.requireAnyRole(READERS);
        return detail(batch(batchId));
    }

    @Transactional
    public Page<BatchView> list(String programmeId, String period, String status, int page, int size) {
        return list(programmeId, period, status, NEWEST_FIRST, page, size);
    }

    /** The columns the batch list may be sorted by: the batch row's own (批次号 is its id). */
    public static final Map<String, String> SORTS = cn.fpjc.core.platform.web.SortBy.columns("id", "批次号", "programmeName", "项目",
            "period", "期间");

    /** The list's default order: the latest batch first. */
    public static final cn.fpjc.core.platform.web.SortBy NEWEST_FIRST = new cn.fpjc.core.platform.web.SortBy("id", true);

    /** The batches in the order asked for ({@link #SORTS}; ties by id the same way round). */
    @Transactional
    public Page<BatchView> list(String programmeId, String period, String status, cn.fpjc.core.platform.web.SortBy sort, int page, int size) {
        if (!SORTS.containsKey(sort.column())) {
            throw new IllegalArgumentException("not a batch sort: " + sort.column());
        }
        Sort.Direction direction = sort.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        Sort order = sort.column().equals("id") ? Sort.by("id", direction) : Sort.by(sort.column(), direction).and("id", direction);
        user.requireAnyRole(READERS);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (programmeId != null && !programmeId.isBlank()) {
            where.append(" and programmeId = :programme");
            p.put("programme", programmeId.strip());
        }
        if (period != null && !period.isBlank()) {
            where.append(" and period = :period");
            p.put("period", period.strip());
        }
        if (status != null && !status.isBlank()) {
            BatchStatus s = Labelled.parse(BatchStatus.class, status);
            if (s == null) {
                throw new ApiException(PlatformError.VALIDATION_FAILED, null,
                        List.of(new FieldError("status", "批次状态应为：" + String.join("、", Labelled.labels(BatchStatus.class)))));
            }
            where.append(" and status = :status");
            p.put("status", s);
        }
        return Page.of(PaymentBatch.find(where.toString(), order, p), page, size, 200,
                rows -> rows.stream().map(b -> view((PaymentBatch) b)).toList());
    }

    /** 审核: a county-approver who did not make the batch; the batch must hold at least one instruction. */
    @Transactional
    public BatchView approve(long batchId, Decision d) {
        user.requireAnyRole(Roles.COUNTY_APPROVER);
        PaymentBatch b = locked(batchId);
        Versions.check(b.version, d == null ? null : d.version());
        if (b.status != BatchStatus.DRAFT) {
            throw new ApiException(PaymentError.PAYMENT_BATCH_STATE, b.status.label());
        }
        if (b.createdBy.equals(user.username())) {
            throw new ApiException(PaymentError.PAYMENT_SELF_APPROVAL);
        }
        if (PaymentInstruction.count("batchId = ?1 and status = ?2", b.id, InstructionStatus.PENDING) == 0) {
            throw new ApiException(PaymentError.PAYMENT_BATCH_EMPTY);
        }
        BatchView before = view(b);
        b.status = BatchStatus.APPROVED;
        b.approvedAt = clock.now();
        b.approvedBy = user.username();
        PaymentBatch.flush();
        BatchView after = view(b);
        audit.record("APPROVE", "payment_batch", String.valueOf(b.id), before, after);
        return after;
    }

    /**
     * 拨付: a county-finance person who neither approved nor made the batch (checked in that order, whatever roles the person
     * holds); its instructions go to the bank (SENT) and the bank file can be downloaded.
     */
    @Transactional
    public BatchView release(long batchId, Decision d) {
        user.requireAnyRole(Roles.COUNTY_FINANCE);
        PaymentBatch b = locked(batchId);
        Versions.check(b.version, d == null ? null : d.version());
        if (b.status != BatchStatus.APPROVED) {
            throw new ApiException(PaymentError.PAYMENT_BATCH_STATE, b.status.label());
        }
        if (user.username().equals(b.approvedBy)) {
            throw new ApiException(PaymentError.PAYMENT_RELEASE_BY_APPROVER);
        }
        if (user.username().equals(b.createdBy)) {
            throw new ApiException(PaymentError.PAYMENT_RELEASE_BY_CREATOR);
        }
        BatchView before = view(b);
        b.status = BatchStatus.RELEASED;
        b.releasedAt = clock.now();
        b.releasedBy = user.username();
        PaymentBatch.flush();
        PaymentInstruction.update("status = ?1, updatedAt = ?2, version = version + 1 where batchId = ?3 and status = ?4",
                InstructionStatus.SENT, clock.now(), b.id, InstructionStatus.PENDING);
        PaymentBatch.getEntityManager().clear(); // the bulk update bypassed the loaded instructions: read them again
        b = PaymentBatch.findById(batchId);
        BatchView after = view(b);
        audit.record("RELEASE", "payment_batch", String.valueOf(b.id), before, after);
        return after;
    }

    // ---------------------------------------------------------------- instructions

    /**
     * Adds one instruction to a draft batch. With an idempotency key, a repeat (same key, same batch and line) answers the
     * instruction the first made; the batch's row lock orders racing requests, so the second sees the first's instruction.
     */
    @Transactional
    public Outcome<InstructionView> addInstruction(long batchId, Line line, String idempotencyKey) {
        user.requireAnyRole(MAKERS);
        String key = checkKey(idempotencyKey);
        if (line == null) {
            line = new Line(null, null, null);
        }
        PaymentBatch b = locked(batchId); // first: later reads see what a racing request committed
        String digest = digest("instruction", String.valueOf(batchId), lines(List.of(line)));
        if (key != null) {
            PaymentInstruction earlier = PaymentInstruction.find("idempotencyKey", key).firstResult();
            if (earlier != null) {
                if (!earlier.requestDigest.equals(digest)) {
                    throw new ApiException(PaymentError.PAYMENT_IDEMPOTENCY_KEY_REUSED);
                }
                return new Outcome<>(view(earlier), false);
            }
        }
        if (b.status != BatchStatus.DRAFT) {
            throw new ApiException(PaymentError.PAYMENT_BATCH_STATE, b.status.label());
        }
        List<FieldError> errors = new ArrayList<>();
        Prepared p = prepare(b.programmeId, b.period, line, "", errors, null, Facts.ONE_BY_ONE);
        ApiException.refuseIfAny(errors);
        PaymentInstruction i = write(b, p, null, key, key == null ? null : digest);
        PaymentInstruction.flush();
        InstructionView v = view(i);
        audit.record("CREATE", "payment_instruction", i.instructionNo, null, v);
        return new Outcome<>(v, true);
    }

    /** Replays the instruction an idempotency key made (after a race lost on its unique key). */
    @Transactional
    public Optional<Outcome<InstructionView>> replayInstruction(String key) {
        user.requireAnyRole(MAKERS);
        PaymentInstruction earlier = PaymentInstruction.find("idempotencyKey", key).firstResult();
        return earlier == null ? Optional.empty() : Optional.of(new Outcome<>(view(earlier), false));
    }

    @Transactional
    public InstructionView instruction(long id) {
        user.requireAnyRole(READERS);
        return view(found(id));
    }

    /** Takes an instruction out of a draft batch (撤销), with a reason; the beneficiary may then be paid in another. */
    @Transactional
    public InstructionView cancel(long id, Cancel c) {
        user.requireAnyRole(MAKERS);
        PaymentInstruction i = found(id);
        PaymentBatch b = locked(i.batchId);
        PaymentInstruction.getEntityManager().refresh(i);
        Versions.check(i.version, c == null ? null : c.version());
        String reason = c == null || c.reason() == null ? "" : c.reason().strip();
        if (reason.isEmpty() || reason.length() > 200) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("reason", "请填写撤销原因（不超过200字）")));
        }
        if (b.status != BatchStatus.DRAFT || i.status != InstructionStatus.PENDING) {
            throw new ApiException(PaymentError.PAYMENT_INSTRUCTION_STATE, i.status.label() + "，批次" + b.status.label());
        }
        InstructionView before = view(i);
        i.status = InstructionStatus.CANCELLED;
        i.failureReason = "撤销：" + reason;
        i.updatedAt = clock.now();
        PaymentInstruction.flush();
        InstructionView after = view(i);
        audit.record("CANCEL", "payment_instruction", i.instructionNo, before, after);
        return after;
    }

    /**
     * 重新发放: a failed payment, once the household's account has been corrected since the failed instruction was made,
     * becomes a new instruction (same programme, period, beneficiary and amount; the account as it is now) in the given
     * draft batch of that programme and period, or in a new 补发 batch; it goes through approval and release again. Once
     * per failed instruction ({@code uk_payment_reissue}).
     */
    @Transactional
    public Outcome<InstructionView> reissue(long id, Reissue r) {
        user.requireAnyRole(MAKERS);
        PaymentInstruction failed = found(id);
        Versions.check(failed.version, r == null ? null : r.version());
        if (failed.status != InstructionStatus.FAILED) {
            throw new ApiException(PaymentError.PAYMENT_INSTRUCTION_STATE, failed.status.label());
        }
        if (failed.reissuedAsId != null) {
            throw new ApiException(PaymentError.PAYMENT_ALREADY_REISSUED);
        }
        Member m = Member.findById(failed.memberId);
        HouseholdAccount account = m == null ? null : HouseholdAccountService.find(m.householdId).orElse(null);
        if (account != null && account.id.equals(failed.accountId) && account.version == failed.accountVersion) {
            throw new ApiException(PaymentError.PAYMENT_ACCOUNT_NOT_CORRECTED);
        }
        PaymentBatch b;
        if (r != null && r.batchId() != null) {
            b = locked(r.batchId());
            if (b.status != BatchStatus.DRAFT || !b.programmeId.equals(failed.programmeId) || !b.period.equals(failed.period)) {
                throw new ApiException(PaymentError.PAYMENT_BATCH_STATE, "重新发放应放入同一项目、同一期间的待审核批次");
            }
        } else {
            b = new PaymentBatch();
            b.programmeId = failed.programmeId;
            b.programmeName = PaymentBatch.<PaymentBatch>findById(failed.batchId).programmeName;
            b.period = failed.period;
            b.status = BatchStatus.DRAFT;
            b.reissue = true;
            b.note = "补发：" + failed.instructionNo;
            b.createdAt = clock.now();
            b.createdBy = user.username();
            b.persist();
            PaymentBatch.flush();
            audit.record("CREATE", "payment_batch", String.valueOf(b.id), null, view(b));
        }
        List<FieldError> errors = new ArrayList<>();
        Prepared p = prepare(failed.programmeId, failed.period, new Line(failed.memberId, failed.amount, failed.note), "", errors, failed.id, Facts.ONE_BY_ONE);
        ApiException.refuseIfAny(errors);
        PaymentInstruction again = write(b, p, failed.id, null, null);
        PaymentInstruction.flush();
        InstructionView before = view(failed);
        failed.reissuedAsId = again.id;
        failed.updatedAt = clock.now();
        PaymentInstruction.flush();
        audit.record("REISSUE", "payment_instruction", failed.instructionNo, before, view(failed));
        InstructionView v = view(again);
        audit.record("CREATE", "payment_instruction", again.instructionNo, null, v);
        return new Outcome<>(v, true);
    }

    // ---------------------------------------------------------------- the bank's return

    /** One row of the bank's return file, as read: the instruction number, paid or not, the reason, the bank's reference. */
    public record ReturnRow(int rowNo, String instructionNo, boolean paid, String reason, String bankReference) {
    }

    public void requireFinance() {
        user.requireAnyRole(Roles.COUNTY_FINANCE);
    }

    /**
     * Applies a return file to a released batch, all rows or none: every row must name an instruction of this batch that
     * went to the bank; a row that repeats what is already recorded changes nothing; one that contradicts it is refused.
     * The batch is settled (已回盘对账) when no instruction awaits the bank any more.
     */
    @Transactional
    public ReturnResult applyReturn(long batchId, List<ReturnRow> rows) {
        requireFinance();
        PaymentBatch b = locked(batchId);
        if (b.status != BatchStatus.RELEASED && b.status != BatchStatus.SETTLED) {
            throw new ApiException(PaymentError.PAYMENT_BATCH_STATE, b.status.label());
        }
        BatchView before = view(b);
        Map<String, PaymentInstruction> byNo = PaymentInstruction.<PaymentInstruction>list("batchId", b.id).stream()
                .collect(Collectors.toMap(i -> i.instructionNo, i -> i));
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int paid = 0;
        int failed = 0;
        int unchanged = 0;
        List<Runnable> changes = new ArrayList<>();
        for (ReturnRow row : rows) {
            String field = "第" + row.rowNo() + "行";
            PaymentInstruction i = byNo.get(row.instructionNo());
            if (i == null) {
                errors.add(new FieldError(field, field + "：指令编号" + row.instructionNo() + "不属于本批次"));
                continue;
            }
            if (!seen.add(row.instructionNo())) {
                errors.add(new FieldError(field, field + "：指令编号" + row.instructionNo() + "在文件中重复出现"));
                continue;
            }
            InstructionStatus result = row.paid() ? InstructionStatus.PAID : InstructionStatus.FAILED;
            if (i.status == result) {
                unchanged++;
            } else if (i.status != InstructionStatus.SENT) {
                errors.add(new FieldError(field, field + "：指令" + i.instructionNo + "已记为“" + i.status.label() + "”，与回盘结果“" + result.label()
                        + "”不一致"));
            } else {
                if (row.paid()) {
                    paid++;
                } else {
                    failed++;
                }
                changes.add(() -> {
                    i.status = result;
                    i.failureReason = row.paid() ? null : row.reason();
                    i.bankReference = row.bankReference();
                    i.settledAt = clock.now();
                    i.updatedAt = clock.now();
                });
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PaymentError.PAYMENT_RETURN_FILE_INVALID, null, List.copyOf(errors));
        }
        changes.forEach(Runnable::run);
        PaymentInstruction.flush();
        int awaiting = (int) byNo.values().stream().filter(i -> i.status == InstructionStatus.SENT).count();
        if (awaiting == 0 && b.status == BatchStatus.RELEASED) {
            b.status = BatchStatus.SETTLED;
            b.settledAt = clock.now();
            PaymentBatch.flush();
        }
        ReturnResult result = new ReturnResult(b.id, b.batchNo(), rows.size(), paid, failed, unchanged, awaiting, b.status.name(),
                b.status.label());
        audit.record("BANK_RETURN", "payment_batch", String.valueOf(b.id), before, result);
        return result;
    }

    /** The instructions released to the bank, in number order, for the bank file (account numbers still encrypted). */
    @Transactional
    public List<PaymentInstruction> released(long batchId) {
        requireFinance();
        PaymentBatch b = batch(batchId);
        if (b.status != BatchStatus.RELEASED && b.status != BatchStatus.SETTLED) {
            throw new ApiException(PaymentError.PAYMENT_BATCH_STATE, b.status.label() + "（拨付后才能下载银行代发文件）");
        }
        // Three values, not a list: Hibernate keeps no plan for a list-valued parameter (InLists).
        return PaymentInstruction.list("batchId = ?1 and status in (?2, ?3, ?4)", Sort.by("instructionNo"), b.id,
                InstructionStatus.SENT, InstructionStatus.PAID, InstructionStatus.FAILED);
    }

    // ---------------------------------------------------------------- helpers

    /** A line checked against the registry and the account, ready to write. */
    record Prepared(Member member, Household household, HouseholdAccount account, String holderName, BigDecimal amount, String note) {
    }

    /**
     * What a line is checked against: the member, the household, its account and the beneficiary's instructions of the
     * programme and period — read one by one for a single instruction, or for a whole batch in a few queries up front
     * (a query per line would also make Hibernate check every entity already loaded before each one).
     */
    interface Facts {
        Facts ONE_BY_ONE = new Facts() {
        };

        default Member member(long id) {
            return Member.findById(id);
        }

        default Household household(long id) {
            return Household.findById(id);
        }

        default Optional<HouseholdAccount> account(long householdId) {
            return HouseholdAccountService.find(householdId);
        }

        /** The beneficiary's instructions of the programme and period that were not cancelled. */
        default List<PaymentInstruction> instructed(String programmeId, String period, long memberId) {
            return PaymentInstruction.list("programmeId = ?1 and period = ?2 and memberId = ?3 and status <> ?4", programmeId, period, memberId,
                    InstructionStatus.CANCELLED);
        }

        /** The members of a batch, their households, accounts, holders and instructions of the programme and period. */
        static Facts of(String programmeId, String period, List<Long> memberIds) {
            Map<Long, Member> members = new HashMap<>();
            Map<Long, Household> households = new HashMap<>();
            Map<Long, HouseholdAccount> accounts = new HashMap<>();
            Map<Long, List<PaymentInstruction>> instructed = new HashMap<>();
            EntityManager em = Member.getEntityManager();
            InLists.list(em, "from Member where id in :keys", Member.class, memberIds).forEach(m -> members.put(m.id, m));
            InLists.list(em, "from PaymentInstruction where programmeId = :programme and period = :period and memberId in :keys"
                    + " and status <> :cancelled", PaymentInstruction.class, memberIds, q -> q.setParameter("programme", programmeId)
                    .setParameter("period", period).setParameter("cancelled", InstructionStatus.CANCELLED))
                    .forEach(i -> instructed.computeIfAbsent(i.memberId, k -> new ArrayList<>()).add(i));
            Set<Long> householdIds = members.values().stream().map(m -> m.householdId).collect(Collectors.toSet());
            InLists.list(em, "from Household where id in :keys", Household.class, householdIds).forEach(h -> households.put(h.id, h));
            InLists.list(em, "from HouseholdAccount where householdId in :keys", HouseholdAccount.class, householdIds)
                    .forEach(a -> accounts.put(a.householdId, a));
            List<Long> holders = accounts.values().stream().map(a -> a.holderMemberId).filter(h -> !members.containsKey(h)).toList();
            InLists.list(em, "from Member where id in :keys", Member.class, holders).forEach(m -> members.put(m.id, m));
            return new Facts() {
                @Override
                public Member member(long id) {
                    return members.get(id);
                }

                @Override
                public Household household(long id) {
                    return households.get(id);
                }

                @Override
                public Optional<HouseholdAccount> account(long householdId) {
                    return Optional.ofNullable(accounts.get(householdId));
                }

                @Override
                public List<PaymentInstruction> instructed(String sameProgramme, String samePeriod, long memberId) {
                    return instructed.getOrDefault(memberId, List.of());
                }
            };
        }
    }

    /**
     * Checks one line: an active member of an active household with an account, a valid amount; the beneficiary must have
     * no live instruction of the programme and period (and no failed one, unless this is its re-issue). Input problems go
     * to {@code errors}; a conflict is thrown with its own code. The database's key decides races.
     */
    private Prepared prepare(String programmeId, String period, Line line, String prefix, List<FieldError> errors, Long reissueOf, Facts facts) {
        String at = prefix.isEmpty() ? "" : prefix + ".";
        int before = errors.size();
        BigDecimal amount = amount(line.amount(), at + "amount", errors);
        String note = text(line.note(), at + "note", "摘要", errors);
        Member m = null;
        Household h = null;
        if (line.memberId() == null) {
            errors.add(new FieldError(at + "memberId", "请选择发放对象"));
        } else {
            m = facts.member(line.memberId());
            h = m == null ? null : facts.household(m.householdId);
            if (m == null || h == null || !cn.fpjc.core.platform.security.OrgScope.covers(user.orgCode(), h.villageCode)) {
                errors.add(new FieldError(at + "memberId", "发放对象不存在"));
            } else if (!m.active || !h.active) {
                errors.add(new FieldError(at + "memberId", m.name + "已减员或所在户已注销"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        Household found = h;
        HouseholdAccount account = facts.account(h.id)
                .orElseThrow(() -> new ApiException(PaymentError.PAYMENT_ACCOUNT_MISSING, "户编号" + found.householdNo));
        List<InstructionStatus> states = facts.instructed(programmeId, period, m.id).stream()
                .filter(i -> !i.id.equals(reissueOf) && i.reissuedAsId == null).map(i -> i.status).toList();
        if (states.stream().anyMatch(s -> s != InstructionStatus.FAILED)) {
            throw new ApiException(PaymentError.PAYMENT_ALREADY_INSTRUCTED, m.name + "，" + Period.label(period));
        }
        if (!states.isEmpty()) {
            throw new ApiException(PaymentError.PAYMENT_FAILED_USE_REISSUE, m.name);
        }
        Member holder = facts.member(account.holderMemberId);
        if (holder == null || !holder.active || !holder.householdId.equals(h.id)) {
            throw new ApiException(PaymentError.PAYMENT_ACCOUNT_HOLDER_GONE, "户编号" + h.householdNo);
        }
        return new Prepared(m, h, account, holder.name, amount, note);
    }

    private PaymentInstruction write(PaymentBatch b, Prepared p, Long reissueOf, String key, String digest) {
        b.lineSeq++;
        return write(b, b.lineSeq, p, reissueOf, key, digest);
    }

    private PaymentInstruction write(PaymentBatch b, int line, Prepared p, Long reissueOf, String key, String digest) {
        PaymentInstruction i = new PaymentInstruction();
        i.instructionNo = b.batchNo() + "-" + String.format("%04d", line);
        i.batchId = b.id;
        i.programmeId = b.programmeId;
        i.period = b.period;
        i.memberId = p.member().id;
        i.beneficiaryName = p.member().name;
        i.householdId = p.household().id;
        i.villageCode = p.household().villageCode;
        i.amount = p.amount();
        i.note = p.note();
        i.accountId = p.account().id;
        i.accountVersion = p.account().version;
        i.holderName = p.holderName();
        i.bankName = p.account().bankName;
        i.accountCipher = p.account().accountCipher.clone();
        i.accountMasked = p.account().accountMasked;
        i.status = InstructionStatus.PENDING;
        i.reissueOfId = reissueOf;
        i.idempotencyKey = key;
        i.requestDigest = digest;
        i.createdAt = clock.now();
        i.createdBy = user.username();
        i.updatedAt = i.createdAt;
        i.persist();
        return i;
    }

    /** Yuan to the fen: > 0, at most two decimals (refused, never rounded), below the column's limit. */
    static BigDecimal amount(BigDecimal amount, String field, List<FieldError> errors) {
        if (amount == null) {
            errors.add(new FieldError(field, field + "：请填写金额（元）"));
            return null;
        }
        if (amount.signum() <= 0) {
            errors.add(new FieldError(field, field + "：金额应大于0"));
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, field + "：金额精确到分（最多两位小数）"));
            return null;
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(new FieldError(field, field + "：金额过大"));
            return null;
        }
        return amount.setScale(2);
    }

    private static String text(String s, String field, String label, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.strip().length() > 500) {
            errors.add(new FieldError(field, label + "不超过500字"));
            return null;
        }
        return s.strip();
    }

    private String programme(String programmeId, List<FieldError> errors) {
        if (programmeId == null || programmeId.isBlank()) {
            errors.add(new FieldError("programmeId", "请选择帮扶项目"));
            return null;
        }
        String id = programmeId.strip();
        for (PaymentProgrammes p : programmes) {
            Optional<String> name = p.displayName(id);
            if (name.isPresent()) {
                if (!p.paysToAccount(id)) {
                    throw new ApiException(PaymentError.PAYMENT_PROGRAMME_NOT_TO_ACCOUNT, name.get() + "的资金不发放到一卡通，不能建立发放批次");
                }
                return name.get();
            }
        }
        throw new ApiException(PaymentError.PAYMENT_PROGRAMME_UNKNOWN, id.length() > 64 ? id.substring(0, 64) : id);
    }

    static String checkKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (!key.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null,
                    List.of(new FieldError("Idempotency-Key", "幂等键为1—64位字母、数字或 . _ : -")));
        }
        return key;
    }

    private static String lines(List<Line> lines) {
        if (lines == null) {
            return "";
        }
        return lines.stream().map(l -> l == null ? "null" : l.memberId() + "|" + (l.amount() == null ? "null" : l.amount().stripTrailingZeros().toPlainString())
                + "|" + l.note()).collect(Collectors.joining(";"));
    }

    static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The batch, its row locked for the rest of the transaction (native: Hibernate's FOR UPDATE OF is not MariaDB's). */
    PaymentBatch locked(long batchId) {
        if (PaymentBatch.getEntityManager().createNativeQuery("SELECT id FROM payment_batch WHERE id = ?1 FOR UPDATE")
                .setParameter(1, batchId).getResultList().isEmpty()) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        PaymentBatch b = PaymentBatch.findById(batchId);
        PaymentBatch.getEntityManager().refresh(b);
        return b;
    }

    static PaymentBatch batch(long batchId) {
        PaymentBatch b = PaymentBatch.findById(batchId);
        if (b == null) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        return b;
    }

    private static PaymentInstruction found(long id) {
        PaymentInstruction i = PaymentInstruction.findById(id);
        if (i == null) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        return i;
    }

    BatchDetail detail(PaymentBatch b) {
        List<PaymentInstruction> all = PaymentInstruction.list("batchId", Sort.by("instructionNo"), b.id);
        Map<Long, String> numbers = householdNumbers(all);
        return new BatchDetail(view(b, all), all.stream().map(i -> view(i, numbers.get(i.householdId))).toList());
    }

    static BatchView view(PaymentBatch b) {
        return view(b, PaymentInstruction.list("batchId", b.id));
    }

    static BatchView view(PaymentBatch b, List<PaymentInstruction> all) {
        int lines = 0;
        int paid = 0;
        int failed = 0;
        int awaiting = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal paidAmount = total;
        BigDecimal failedAmount = total;
        BigDecimal awaitingAmount = total;
        for (PaymentInstruction i : all) {
            if (i.status == InstructionStatus.CANCELLED) {
                continue;
            }
            lines++;
            total = total.add(i.amount);
            switch (i.status) {
                case PAID -> {
                    paid++;
                    paidAmount = paidAmount.add(i.amount);
                }
                case FAILED -> {
                    failed++;
                    failedAmount = failedAmount.add(i.amount);
                }
                case SENT -> {
                    awaiting++;
                    awaitingAmount = awaitingAmount.add(i.amount);
                }
                default -> {
                }
            }
        }
        String reconciliation = b.status == BatchStatus.DRAFT || b.status == BatchStatus.APPROVED ? "未拨付"
                : awaiting == lines ? "待回盘" : awaiting > 0 ? "部分回盘" : "已对账";
        return new BatchView(b.id, b.batchNo(), b.programmeId, b.programmeName, b.period, Period.label(b.period), b.status.name(),
                b.status.label(), b.reissue, b.note, lines, total, paid, paidAmount, failed, failedAmount, awaiting, awaitingAmount,
                reconciliation, b.createdBy, b.createdAt, b.approvedBy, b.approvedAt, b.releasedBy, b.releasedAt, b.settledAt, b.version);
    }

    static InstructionView view(PaymentInstruction i) {
        Household h = Household.findById(i.householdId);
        return view(i, h == null ? null : h.householdNo);
    }

    static InstructionView view(PaymentInstruction i, String householdNo) {
        return new InstructionView(i.id, i.instructionNo, i.batchId, i.programmeId, i.period, i.memberId, i.beneficiaryName, i.householdId,
                householdNo, i.villageCode, i.amount, i.note, i.holderName, i.bankName, i.accountMasked, i.status.name(), i.status.label(),
                i.failureReason, i.bankReference, i.settledAt, i.reissueOfId, i.reissuedAsId, i.createdBy, i.createdAt, i.version);
    }

    private static Map<Long, String> householdNumbers(List<PaymentInstruction> all) {
        return InLists.pairs(Household.getEntityManager(), "SELECT id, household_no FROM household WHERE id IN (:keys)",
                all.stream().map(i -> i.householdId).toList(), InLists::longKey);
    }
}
