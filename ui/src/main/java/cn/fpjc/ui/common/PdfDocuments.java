package cn.fpjc.ui.common;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The print documents as PDF, for offices that file PDFs: the same template instance the print page renders, turned into a
 * DOM by jsoup and laid out by OpenHTMLtoPDF with a CJK font embedded (subset). The page's screen-only parts
 * ({@code .noprint}, scripts) are left out, its print stylesheet is inlined from the classpath, and the QR code's SVG is
 * drawn as a PNG. Without a usable CJK font the PDF is refused (503, naming the package and the setting) rather than
 * produced with missing glyphs.
 */
@ApplicationScoped
public class PdfDocuments {
    /** TrueType fonts with the Chinese glyphs, in the order tried when {@code fpjc.pdf.font} is not set (CFF-based OpenType such as Noto CJK cannot be embedded by PDFBox). */
    public static final List<String> DEFAULT_FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc");
    private static final String FAMILY = "fpjc-cjk";
    private static final Pattern QR_MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final Pattern VIEW_BOX = Pattern.compile("0 0 (\\d+) (\\d+)");

    @ConfigProperty(name = "fpjc.pdf.font")
    Optional<String> configuredFont;

    /** The font the PDFs embed: the configured one, else the first of {@link #DEFAULT_FONTS} present; empty when none is. */
    public Optional<Path> font() {
        if (configuredFont.isPresent() && !configuredFont.get().isBlank()) {
            Path p = Path.of(configuredFont.get().strip());
            return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
        }
        return DEFAULT_FONTS.stream().map(Path::of).filter(Files::isReadable).findFirst();
    }

    /** The page as a PDF download, named after its {@code <title>} (RFC 5987 for the Chinese name). */
    public Response download(TemplateInstance page) {
        Document html = Jsoup.parse(page.render());
        String title = html.title().replaceAll("[\\\\/:*?\"<>|\\s·]+", "").strip();
        byte[] pdf = render(html);
        String name = (title.isEmpty() ? "文书" : title) + ".pdf";
        return Response.ok(pdf, "application/pdf").header(HttpHeaders.CONTENT_DISPOSITION, disposition(name)).build();
    }

    static String disposition(String name) {
        return "attachment; filename=\"document.pdf\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    byte[] render(Document html) {
        Path fontFile = font().orElseThrow(() -> new ApiException(PlatformError.PDF_FONT_MISSING,
                configuredFont.filter(f -> !f.isBlank()).map(f -> "设置 fpjc.pdf.font 指定的字体文件不存在或不可读（" + f + "）").orElse(
                        "请在服务器上安装文泉驿微米黑字体（Debian/Ubuntu：apt-get install fonts-wqy-microhei），或用设置 fpjc.pdf.font 指定一个含中文字形的 TrueType 字体文件（.ttf/.ttc）")));
        prepare(html);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrueTypeCollection collection = null;
        try (PDDocument doc = new PDDocument()) {
            PDFont font;
            if (fontFile.toString().toLowerCase().endsWith(".ttc")) {
                collection = new TrueTypeCollection(fontFile.toFile());
                List<TrueTypeFont> fonts = new ArrayList<>();
                collection.processAllFonts(fonts::add);
                font = PDType0Font.load(doc, fonts.get(0), true);
            } else {
                font = PDType0Font.load(doc, fontFile.toFile());
            }
            PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode().usePDDocument(doc);
            for (int weight : new int[] { 400, 700 }) {
                builder.useFont(new PDFontSupplier(font), FAMILY, weight, FontStyle.NORMAL, true);
            }
            builder.withW3cDocument(new W3CDom().fromJsoup(html), "about:blank").toStream(out).run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed with font " + fontFile, e);
        } finally {
            if (collection != null) {
                try {
                    collection.close();
                } catch (IOException e) {
                    // read-only file: nothing to lose
                }
            }
        }
        return out.toByteArray();
    }

    /** Leaves out what the screen needs only, inlines the print stylesheets, and sets the embedded font everywhere. */
    static void prepare(Document html) {
        html.select(".noprint, .no-print, script, button, input").remove();
        for (Element link : html.select("link")) {
            String href = link.attr("href");
            String css = "stylesheet".equalsIgnoreCase(link.attr("rel")) && href.startsWith("/static/") ? classpathText("META-INF/resources" + href) : null;
            if (css != null) {
                link.after(new Element("style").text(css));
            }
            link.remove();
        }
        html.head().appendElement("style").text("* { font-family: '" + FAMILY + "' !important; }");
        for (Element svg : html.select("svg.qr")) {
            String png = qrPng(svg.outerHtml());
            if (png != null) {
                svg.replaceWith(new Element("img").attr("src", png).attr("class", "qr").attr("width", svg.attr("width")).attr("height", svg.attr("height"))
                        .attr("alt", "二维码"));
            } else {
                svg.remove();
            }
        }
        html.select("img").stream().filter(img -> !img.attr("src").startsWith("data:")).forEach(Element::remove);
    }

    /** The QR code drawn by {@link QrCodes#svg} (one path of unit squares) as a PNG data URI. */
    static String qrPng(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            return null;
        }
        int n = Integer.parseInt(box.group(1));
        int scale = 8;
        BufferedImage image = new BufferedImage(n * scale, n * scale, BufferedImage.TYPE_BYTE_BINARY);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, n * scale, n * scale);
        g.setColor(Color.BLACK);
        Matcher m = QR_MODULE.matcher(svg);
        while (m.find()) {
            g.fillRect(Integer.parseInt(m.group(1)) * scale, Integer.parseInt(m.group(2)) * scale, scale, scale);
        }
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private static String classpathText(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
