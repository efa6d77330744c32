package cn.fpjc.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The PDF renderer's refusals and headers, without the application: a missing font is a 503 that says what to do. */
class PdfDocumentsTest {
    @Test
    void aConfiguredFontThatIsNotThereIsRefusedNamingTheSetting() {
        PdfDocuments pdf = new PdfDocuments();
        pdf.configuredFont = Optional.of("/nonexistent/fonts/simsun.ttc");
        assertTrue(pdf.font().isEmpty());
        ApiException e = assertThrows(ApiException.class, () -> pdf.render(Jsoup.parse("<p>防止返贫监测帮扶公示</p>")));
        assertEquals(PlatformError.PDF_FONT_MISSING, e.code());
        assertEquals(503, e.code().status());
        assertTrue(e.humanMessage().contains("fpjc.pdf.font") && e.humanMessage().contains("/nonexistent/fonts/simsun.ttc"), e.humanMessage());
    }

    @Test
    void theChineseFileNameTravelsAsRfc5987() {
        assertEquals("attachment; filename=\"document.pdf\"; filename*=UTF-8''%E5%91%8A%E7%9F%A5%E4%B9%A6%20A1.pdf",
                PdfDocuments.disposition("告知书 A1.pdf"));
    }

    @Test
    void screenOnlyPartsAreLeftOutAndThePrintStylesheetIsInlined() {
        var html = Jsoup.parse("<html><head><link rel=\"stylesheet\" href=\"/static/print/village-notice.css\"><script src=\"/static/app.js\"></script></head>"
                + "<body><form class=\"noprint\"><button>打印</button></form><h1>公示</h1>" + QrCodes.svg("https://example.gov.cn/report/410225", 132)
                + "</body></html>");
        PdfDocuments.prepare(html);
        assertTrue(html.select("form, script, link, svg").isEmpty(), html.outerHtml());
        assertTrue(html.select("style").first().data().contains("@page { size: A4"), html.outerHtml());
        assertTrue(html.select("img.qr").attr("src").startsWith("data:image/png;base64,"), html.outerHtml());
    }
}
