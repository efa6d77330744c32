package cn.fpjc.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;

/** A print document's PDF fetched through its page route and read back: its file name, its text, its fonts embedded. */
public final class Pdfs {
    private Pdfs() {
    }

    /** A PDF as it was downloaded: the Chinese file name from Content-Disposition and the text PDFBox extracts. */
    public record Download(String fileName, String text) {
    }

    /** Skips the calling test when the machine has no CJK font to embed (CI installs fonts-wqy-microhei, see .ci/run). */
    public static void assumeCjkFont() {
        Assumptions.assumeTrue(cn.fpjc.ui.common.PdfDocuments.DEFAULT_FONTS.stream().anyMatch(f -> java.nio.file.Files.isReadable(java.nio.file.Path.of(f))),
                "no CJK TrueType font on this machine (apt-get install fonts-wqy-microhei)");
    }

    public static Download get(RequestSpecification request, String path) {
        Response r = request.get(path);
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/pdf"), r.contentType());
        String disposition = r.header("Content-Disposition");
        assertTrue(disposition.startsWith("attachment;") && disposition.contains("filename*=UTF-8''"), disposition);
        String name = URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8);
        try (PDDocument doc = Loader.loadPDF(r.asByteArray())) {
            for (var page : doc.getPages()) {
                for (COSName f : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(f);
                    assertTrue(font.isEmbedded(), "font not embedded: " + font.getName());
                }
            }
            return new Download(name, new PDFTextStripper().getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
