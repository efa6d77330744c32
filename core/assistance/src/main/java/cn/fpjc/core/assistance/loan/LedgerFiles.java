package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.assistance.loan.LoanRequests.LedgerRow;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.files.FileLimits;
import cn.fpjc.core.platform.files.TableReader;
import cn.fpjc.core.platform.jobs.BackgroundJobs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The bank's loan ledger as it comes out of its system: .csv (UTF-8 or GBK) or .xlsx with a header row naming 合同编号,
 * 身份证号 and 还款日期 (required), 还款本金, 还款利息 and 流水号 in any order. Each row keeps its row number for the report.
 */
final class LedgerFiles {
    private static final Logger LOG = Logger.getLogger(LedgerFiles.class);
    static final Map<String, String> HEADERS = Map.of("合同编号", "contract", "借款合同编号", "contract", "身份证号", "id", "借款人身份证号", "id",
            "还款日期", "date", "还款本金", "principal", "还款利息", "interest", "流水号", "ref", "交易流水号", "ref");

    private LedgerFiles() {
    }

    static List<LedgerRow> read(Path file, String fileName, FileLimits limits) {
        TableReader reader = TableReader.forFileName(fileName, limits);
        if (reader == null) {
            throw new ApiException(PlatformError.IMPORT_FILE_TYPE);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<LedgerRow> rows = new ArrayList<>();
        try {
            reader.read(file, (rowNo, cells) -> {
                if (columns.isEmpty()) {
                    for (int i = 0; i < cells.size(); i++) {
                        String key = HEADERS.get(cells.get(i).text().replace("*", "").strip());
                        if (key != null) {
                            columns.putIfAbsent(key, i);
                        }
                    }
                    if (!columns.containsKey("contract") || !columns.containsKey("id") || !columns.containsKey("date")) {
                        throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("file",
                                "第一行应为表头，且须有“合同编号”“身份证号”“还款日期”列（可选：还款本金、还款利息、流水号）")));
                    }
                    return;
                }
                if (rows.size() >= LoanBookService.MAX_LEDGER_ROWS) {
                    throw new ApiException(PlatformError.VALIDATION_FAILED, null,
                            List.of(new FieldError("file", "一次最多导入" + LoanBookService.MAX_LEDGER_ROWS + "行，请分批")));
                }
                Integer d = columns.get("date");
                boolean numericDate = d < cells.size() && cells.get(d).numeric();
                rows.add(new LedgerRow(rowNo, cell(cells, columns.get("contract")), cell(cells, columns.get("id")), cell(cells, d), numericDate,
                        cell(cells, columns.get("principal")), cell(cells, columns.get("interest")), cell(cells, columns.get("ref"))));
            });
        } catch (ApiException e) {
            throw e;
        } catch (TableReader.Unreadable e) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("file", e.getMessage())));
        } catch (Exception e) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("file", "文件格式不正确：无法读取，请另存为.xlsx或.csv后再上传")));
        } catch (VirtualMachineError e) {
            LOG.errorf("bank ledger file %s: out of resources while reading (%s)", fileName, e.getClass().getSimpleName());
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("file",
                    BackgroundJobs.RESOURCES_EXHAUSTED + "，没有导入任何还款记录；请检查文件内容，或分批导入")));
        }
        if (columns.isEmpty()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, null, List.of(new FieldError("file", "文件是空的")));
        }
        return rows;
    }

    private static String cell(List<TableReader.Cell> cells, Integer at) {
        return at == null || at >= cells.size() || cells.get(at).isBlank() ? null : cells.get(at).text();
    }
}
