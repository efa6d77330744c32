package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.assistance.payment.PaymentService.ReturnRow;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.files.FileLimits;
import cn.fpjc.core.platform.files.TableReader;
import cn.fpjc.core.platform.files.TableReader.Cell;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The bank's files. Out: the 代发 file of a released batch in the bank's Excel layout (the only place an account number
 * appears in full), written with fastexcel like the registry's ledger. In: the bank's return file (回盘, .xlsx or .csv,
 * read by the platform's bounded {@link TableReader}) marking each instruction paid or failed with its reason.
 */
@ApplicationScoped
public class BankFiles {
    /** The bank's 代发 layout: one row per instruction, the header in row 1. */
    static final String[] LAYOUT = { "序号", "指令编号", "收款人姓名", "收款账号", "开户银行", "金额（元）", "摘要", "发放对象", "项目", "期间" };
    /** The return file's columns (by header text; others are ignored). */
    static final String NO = "指令编号";
    static final Set<String> RESULT = Set.of("处理结果", "结果", "状态", "入账结果");
    static final Set<String> REASON = Set.of("失败原因", "原因", "备注");
    static final Set<String> REFERENCE = Set.of("银行流水号", "流水号");
    static final Set<String> PAID = Set.of("成功", "入账成功", "已入账", "SUCCESS", "S");
    static final Set<String> NOT_PAID = Set.of("失败", "入账失败", "退回", "FAILED", "FAIL", "F");
    static final int MAX_ROWS = PaymentService.MAX_GENERATED_LINES;

    @Inject
    PaymentService payments;

    @Inject
    AccountCipher cipher;

    @Inject
    AuditLog audit;

    @Inject
    FileLimits limits;

    /** The file name of a batch's bank file. */
    public String fileName(long batchId) {
        return "银行代发文件-ZF" + String.format("%08d", batchId) + ".xlsx";
    }

    /** Writes the 代发 file of a released (or settled) batch; the download is audited (without the numbers). */
    public void exportBatch(long batchId, OutputStream out) throws IOException {
        byte[] file = QuarkusTransaction.requiringNew().call(() -> {
            List<PaymentInstruction> rows = payments.released(batchId);
            PaymentBatch b = PaymentService.batch(batchId);
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            Workbook wb = new Workbook(buffer, "fpjc", "1.0");
            Worksheet ws = wb.newWorksheet("代发明细");
            for (int c = 0; c < LAYOUT.length; c++) {
                ws.value(0, c, LAYOUT[c]);
                ws.style(0, c).bold().set();
            }
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            int r = 1;
            for (PaymentInstruction i : rows) {
                ws.value(r, 0, r);
                text(ws, r, 1, i.instructionNo);
                text(ws, r, 2, i.holderName);
                text(ws, r, 3, cipher.decrypt(i.accountCipher)); // text, never a number: 19 digits would lose the last ones
                text(ws, r, 4, i.bankName);
                ws.value(r, 5, i.amount);
                ws.style(r, 5).format("0.00").set();
                text(ws, r, 6, i.note == null ? b.programmeName : i.note);
                text(ws, r, 7, i.beneficiaryName);
                text(ws, r, 8, b.programmeName);
                text(ws, r, 9, Period.label(b.period));
                total = total.add(i.amount);
                r++;
            }
            Worksheet sum = wb.newWorksheet("批次汇总");
            String[][] facts = { { "批次号", b.batchNo() }, { "项目", b.programmeName }, { "期间", Period.label(b.period) },
                    { "笔数", String.valueOf(rows.size()) }, { "总金额（元）", total.toPlainString() }, { "审核人", b.approvedBy },
                    { "拨付人", b.releasedBy } };
            for (int k = 0; k < facts.length; k++) {
                text(sum, k, 0, facts[k][0]);
                text(sum, k, 1, facts[k][1]);
            }
            wb.finish();
            audit.record("EXPORT", "payment_batch", String.valueOf(b.id), null,
                    Map.of("file", "银行代发文件", "batchNo", b.batchNo(), "rows", rows.size(), "total", total));
            return buffer.toByteArray();
        });
        out.write(file);
    }

    /**
     * A text cell that a spreadsheet never takes for a formula: fastexcel writes strings as string cells, and a value
     * beginning with = + - @ or a tab/CR (what CSV re-imports and some viewers evaluate) gets a leading apostrophe.
     */
    public static void text(Worksheet ws, int r, int c, String value) {
        ws.value(r, c, safe(value));
    }

    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    /** Reads a return file into rows; a file that cannot be read or a row that does not say paid or failed refuses it whole. */
    public List<ReturnRow> readReturn(String fileName, Path file) {
        TableReader reader = TableReader.forFileName(fileName, limits);
        if (reader == null || file == null) {
            throw new ApiException(PaymentError.PAYMENT_RETURN_FILE_INVALID, "请上传银行回盘文件（.xlsx或.csv）");
        }
        List<ReturnRow> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int[] columns = { -1, -1, -1, -1 };
        try {
            reader.read(file, (rowNo, cells) -> {
                if (columns[0] < 0 && rows.isEmpty() && errors.isEmpty()) {
                    for (int c = 0; c < cells.size(); c++) {
                        String h = cells.get(c).text().strip();
                        if (h.equals(NO)) {
                            columns[0] = c;
                        } else if (RESULT.contains(h)) {
                            columns[1] = c;
                        } else if (REASON.contains(h)) {
                            columns[2] = c;
                        } else if (REFERENCE.contains(h)) {
                            columns[3] = c;
                        }
                    }
                    if (columns[0] < 0 || columns[1] < 0) {
                        throw new TableReader.Unreadable("第" + rowNo + "行应为表头，须有“指令编号”和“处理结果”两列");
                    }
                    return;
                }
                if (rows.size() + errors.size() >= MAX_ROWS) {
                    throw new TableReader.Unreadable("回盘文件超过" + MAX_ROWS + "行");
                }
                String no = cell(cells, columns[0]);
                String result = cell(cells, columns[1]);
                String reason = cell(cells, columns[2]);
                String reference = cell(cells, columns[3]);
                String field = "第" + rowNo + "行";
                if (no.isEmpty()) {
                    errors.add(new FieldError(field, field + "：缺少指令编号"));
                    return;
                }
                boolean paid = PAID.contains(result.toUpperCase(java.util.Locale.ROOT));
                if (!paid && !NOT_PAID.contains(result.toUpperCase(java.util.Locale.ROOT))) {
                    errors.add(new FieldError(field, field + "：处理结果应为“成功”或“失败”"));
                    return;
                }
                if (reason.length() > 500 || reference.length() > 64 || no.length() > 24) {
                    errors.add(new FieldError(field, field + "：内容过长（失败原因不超过500字，流水号不超过64字）"));
                    return;
                }
                rows.add(new ReturnRow(rowNo, no, paid, paid ? null : reason.isEmpty() ? "银行未注明原因" : reason,
                        reference.isEmpty() ? null : reference));
            });
        } catch (TableReader.Unreadable e) {
            throw new ApiException(PaymentError.PAYMENT_RETURN_FILE_INVALID, e.getMessage());
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new ApiException(PaymentError.PAYMENT_RETURN_FILE_INVALID, "文件无法读取");
        }
        if (columns[0] < 0) {
            throw new ApiException(PaymentError.PAYMENT_RETURN_FILE_INVALID, "文件是空的");
        }
        if (!errors.isEmpty()) {
            throw new ApiException(PaymentError.PAYMENT_RETURN_FILE_INVALID, null, List.copyOf(errors));
        }
        if (rows.isEmpty()) {
            throw new ApiException(PaymentError.PAYMENT_RETURN_FILE_INVALID, "文件只有表头，没有数据行");
        }
        return rows;
    }

    private static String cell(List<Cell> cells, int c) {
        return c < 0 || c >= cells.size() ? "" : cells.get(c).text().strip();
    }
}
