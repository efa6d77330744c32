package cn.fpjc.core.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import cn.fpjc.core.platform.jobs.SideThread;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * 农户台账 (registry ledger) as xlsx, with the same filters and org scope as the search, ID numbers masked.
 * Rows are read village by village, each village in one streamed statement in its own read transaction (summaries, not
 * entities: the persistence context does not grow; a village's rows take seconds, so the transaction timeout does not
 * grow with the county either), and written by fastexcel into
 * the given stream (compressed: roughly 10 MB for 300,000 households).
 */
@ApplicationScoped
public class RegistryExport {
    static final String[] HEADERS = { "户编号", "所在村", "村代码", "户类型", "户主姓名", "户主身份证号（脱敏）", "在册人口", "易地搬迁户",
            "整户无劳动能力", "状态" };
    static final int PAGE = 1000;
    static final int VILLAGE_SECONDS = 600;

    @Inject
    RegistryService registry;

    /** Writes the ledger; returns the number of households written. */
    public long write(String q, String village, String category, String idNumber, boolean includeClosed, String title,
            OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "fpjc", "1.0");
        Worksheet ws = wb.newWorksheet("农户台账");
        ws.value(0, 0, title);
        ws.style(0, 0).bold().fontSize(14).set();
        for (int c = 0; c < HEADERS.length; c++) {
            ws.value(1, c, HEADERS[c]);
            ws.style(1, c).bold().fillColor("DDEBF7").set();
        }
        ws.freezePane(0, 2);
        List<String> villages = QuarkusTransaction.requiringNew().call(() -> registry.villagesInScope(village));
        // The caller's thread reads each village in one streamed statement (it has the request's user and county); one
        // side thread writes each batch into the workbook while the next is read. fastexcel was about two thirds of the
        // export's CPU and the reads mostly waited on the database, one after the other (issue 17). Only the side thread
        // touches the worksheet until the last write is done.
        try (SideThread writer = new SideThread("registry-export-writer")) {
            Batches batches = new Batches(writer, ws);
            for (String inVillage : villages) {
                // A village streams in seconds (about 35,000 households a second); the bound says so rather than the
                // default 60 s, since the transaction also waits for the writer.
                QuarkusTransaction.requiringNew().timeout(VILLAGE_SECONDS).run(
                        () -> registry.eachInVillage(q, village, category, idNumber, includeClosed, inVillage, PAGE, batches::write));
            }
            finish(batches.writing);
            wb.finish();
            return batches.written;
        } catch (UncheckedIOException e) { // a batch's writing failed (fastexcel, or the stream it writes to)
            throw e.getCause();
        }
    }

    /** Hands each batch to the writer once the one before it is written. */
    private static final class Batches {
        private final SideThread writer;
        private final Worksheet ws;
        private Future<?> writing;
        private int row = 2;
        private long written;

        Batches(SideThread writer, Worksheet ws) {
            this.writer = writer;
            this.ws = ws;
        }

        void write(List<RegistryViews.HouseholdSummary> items) {
            try {
                finish(writing);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int first = row;
            writing = writer.submit(() -> {
                writeRows(ws, first, items);
                return null;
            });
            row += items.size();
            written += items.size();
        }
    }

    private static void writeRows(Worksheet ws, int first, List<RegistryViews.HouseholdSummary> items) throws IOException {
        int row = first;
        for (RegistryViews.HouseholdSummary h : items) {
            // Text found once per household is written inline; only repeated text (villages, labels) goes through
            // the shared-string table, which would otherwise hold every household's number, name and ID.
            ws.inlineString(row, 0, h.householdNo());
            ws.value(row, 1, h.villageName());
            ws.value(row, 2, h.villageCode());
            ws.value(row, 3, h.categoryLabel());
            inlineOrBlank(ws, row, 4, h.headName());
            inlineOrBlank(ws, row, 5, h.headIdMasked());
            ws.value(row, 6, h.memberCount());
            ws.value(row, 7, h.relocated() ? "是" : "否");
            ws.value(row, 8, h.noLabourCapacity() ? "是" : "否");
            ws.value(row, 9, h.active() ? "在册" : "已注销");
            row++;
        }
        ws.flush();
    }

    /** Waits for a batch's writing; its failure is the export's. Interrupted, it stops the writing too. */
    private static void finish(Future<?> writing) throws IOException {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (InterruptedException e) {
            writing.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("台账导出被中断");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    private static void inlineOrBlank(Worksheet ws, int row, int column, String text) {
        if (text != null) {
            ws.inlineString(row, column, text);
        }
    }
}
