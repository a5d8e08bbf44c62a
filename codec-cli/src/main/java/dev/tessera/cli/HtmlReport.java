package dev.tessera.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The offline HTML report of {@code tessera compare}: {@code DIR/index.html} with inline CSS and JavaScript, the
 * rate-distortion chart {@code DIR/rd.png}, and the images under {@code DIR/img/}: each original as PNG
 * ({@code N-original.png}) and each measured JPEG file ({@code ID.jpg}, shown as the browser decodes it).
 *
 * <p>The page has the chart, the table (one {@code <tr data-setting=ID>} per row), and per input a viewer: the
 * original and one setting stacked at 1:1 or zoomed 2x to 8x (a scrollable crop), compared with a slider
 * (split view), a toggle button, or side by side; below it one crop of every setting ({@code <img
 * data-setting=ID>}; the script marks each {@code data-loaded="1"} once the browser has decoded it).
 */
final class HtmlReport {
    private final Path dir;
    private final Path images;
    private final boolean force;

    private HtmlReport(Path dir, boolean force) {
        this.dir = dir;
        this.images = dir.resolve("img");
        this.force = force;
    }

    /** Creates DIR and DIR/img; fails if DIR/index.html exists and {@code force} is not set. */
    static HtmlReport create(Path dir, boolean force) throws IOException {
        Path index = dir.resolve("index.html");
        if (!force && Files.exists(index)) {
            throw new FileAlreadyExistsException(index.toString(), null, "exists (use --force to overwrite)");
        }
        Files.createDirectories(dir.resolve("img"));
        return new HtmlReport(dir, force);
    }

    static String originalName(String prefix) {
        return "img/" + prefix + "-original.png";
    }

    static String jpegName(String id) {
        return "img/" + id + ".jpg";
    }

    void writeOriginal(String prefix, BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer for this image type");
        }
        Files.write(dir.resolve(originalName(prefix)), png.toByteArray());
    }

    void writeJpeg(String id, byte[] jpeg) throws IOException {
        Files.write(dir.resolve(jpegName(id)), jpeg);
    }

    /** Writes the chart and index.html for the measured rows. */
    void finish(List<CompareRow> rows, List<InputFiles.Entry> entries) throws IOException {
        SafeOutput safeOutput = new SafeOutput();
        boolean chart = rows.stream().anyMatch(r -> Double.isFinite(r.metrics().ssimulacra2()));
        if (chart) {
            safeOutput.write(dir.resolve("rd.png"), true, stream -> RdChart.write(rows, false, stream));
        }
        String page = page(rows, entries, chart);
        safeOutput.write(dir.resolve("index.html"), true, stream -> stream.write(page.getBytes(StandardCharsets.UTF_8)));
    }

    private static String page(List<CompareRow> rows, List<InputFiles.Entry> entries, boolean chart) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<title>tessera compare</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
            .append("<h1>tessera compare</h1>\n<p class=\"note\">Decoded for the metrics with ")
            .append(escape(Decoding.NAME)).append("; the viewer shows the JPEG files as this browser decodes them. ")
            .append("SSIMULACRA 2: 90 visually lossless, 70 high, 50 medium, 30 low quality.</p>\n");
        if (chart) {
            html.append("<h2>Rate and distortion</h2>\n<img id=\"chart\" src=\"rd.png\" alt=\"bits per pixel against "
                + "SSIMULACRA 2\">\n");
        }
        html.append("<h2>Measurements</h2>\n<table id=\"rows\">\n<thead><tr><th>input</th><th>setting</th>")
            .append("<th>bytes</th><th>bpp</th><th>ratio</th><th>PSNR-Y</th><th>PSNR-RGB</th><th>SSIM</th>")
            .append("<th>SSIMULACRA 2</th><th>encode ms</th><th>decode ms</th></tr></thead>\n<tbody>\n");
        for (CompareRow row : rows) {
            CompareRow.Metrics m = row.metrics();
            html.append("<tr data-setting=\"").append(escape(row.id())).append("\"><td>")
                .append(escape(Path.of(row.input()).getFileName().toString())).append("</td><td>")
                .append(escape(row.label())).append("</td><td>").append(row.bytes()).append("</td><td>")
                .append(CompareFormats.fixed(row.bpp(), 3)).append("</td><td>")
                .append(CompareFormats.fixed(row.ratio(), 1)).append(":1</td><td>")
                .append(CompareFormats.fixed(m.psnrY(), 2)).append("</td><td>")
                .append(CompareFormats.fixed(m.psnrRgb(), 2)).append("</td><td>")
                .append(CompareFormats.fixed(m.ssim(), 4)).append("</td><td>")
                .append(CompareFormats.fixed(m.ssimulacra2(), 2)).append("</td><td>")
                .append(CompareFormats.fixed(row.encodeMs(), 1)).append("</td><td>")
                .append(CompareFormats.fixed(row.decodeMs(), 1)).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<h2>Images</h2>\n<div id=\"viewers\"></div>\n")
            .append("<script>\nconst REPORT = ").append(data(rows, entries)).append(";\n").append(SCRIPT)
            .append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The viewers' data as a JSON value: per input its name, original, size and settings. */
    private static String data(List<CompareRow> rows, List<InputFiles.Entry> entries) {
        StringBuilder json = new StringBuilder("[");
        boolean firstInput = true;
        for (int i = 0; i < entries.size(); i++) {
            String input = entries.get(i).file().toString();
            List<CompareRow> mine = rows.stream().filter(r -> r.input().equals(input)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            json.append(firstInput ? "\n" : ",\n").append("{\"name\": ")
                .append(CompareFormats.jsonString(entries.get(i).file().getFileName().toString()))
                .append(", \"original\": ").append(CompareFormats.jsonString(originalName(String.valueOf(i + 1))))
                .append(", \"width\": ").append(mine.get(0).width()).append(", \"height\": ")
                .append(mine.get(0).height()).append(", \"settings\": [");
            firstInput = false;
            for (int s = 0; s < mine.size(); s++) {
                CompareRow row = mine.get(s);
                json.append(s == 0 ? "" : ", ").append("{\"id\": ").append(CompareFormats.jsonString(row.id()))
                    .append(", \"label\": ").append(CompareFormats.jsonString(row.label()))
                    .append(", \"src\": ").append(CompareFormats.jsonString(jpegName(row.id())))
                    .append(", \"bytes\": ").append(row.bytes())
                    .append(", \"bpp\": ").append(CompareFormats.jsonString(CompareFormats.fixed(row.bpp(), 3)))
                    .append(", \"ssimulacra2\": ")
                    .append(CompareFormats.jsonString(CompareFormats.fixed(row.metrics().ssimulacra2(), 2)))
                    .append('}');
            }
            json.append("]}");
        }
        // "</" inside a script element would end it early (HTML 13.2.6.4.6); JSON allows the escape "<\/".
        return json.append("\n]").toString().replace("</", "<\\/");
    }

    /** HTML text and attribute escaping. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
            .replace("'", "&#39;");
    }

    private static final String CSS = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1em 2em; color: #222; }
        .note { color: #555; }
        #chart { max-width: 100%; border: 1px solid #ddd; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th, td { padding: 2px 8px; border-bottom: 1px solid #eee; text-align: right; }
        th:nth-child(-n+2), td:nth-child(-n+2) { text-align: left; }
        tr.selected { background: #fff3c4; }
        section.viewer { margin: 1.5em 0; padding-top: 0.5em; border-top: 2px solid #ccc; }
        .controls { display: flex; flex-wrap: wrap; gap: 1em; align-items: center; margin: 0.5em 0; }
        .panes { display: flex; gap: 8px; }
        .pane { position: relative; overflow: auto; max-width: 100%; max-height: 70vh; border: 1px solid #999;
                background: #888; flex: 1 1 0; }
        .stage { position: relative; }
        .stage img { position: absolute; left: 0; top: 0; width: 100%; height: 100%; image-rendering: pixelated; }
        .tag { position: sticky; left: 0; top: 0; z-index: 2; background: rgba(0,0,0,.6); color: #fff;
               padding: 1px 6px; font-size: 12px; display: inline-block; }
        .strip { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 0.5em; }
        .strip figure { margin: 0; cursor: pointer; border: 2px solid transparent; }
        .strip figure.selected { border-color: #e0a000; }
        .crop { width: 160px; height: 160px; overflow: hidden; position: relative; background: #888; }
        .crop img { position: absolute; image-rendering: pixelated; }
        .strip figcaption { font-size: 12px; width: 160px; }
        """;

    private static final String SCRIPT = """
        (function () {
          const zooms = [1, 2, 4, 8];
          function el(tag, attrs, parent) {
            const e = document.createElement(tag);
            for (const k in attrs) {
              if (k === 'text') e.textContent = attrs[k]; else e.setAttribute(k, attrs[k]);
            }
            if (parent) parent.appendChild(e);
            return e;
          }
          function watch(img) {
            const done = () => img.setAttribute('data-loaded', img.naturalWidth > 0 ? '1' : '0');
            img.addEventListener('load', done);
            img.addEventListener('error', done);
            if (img.complete) done();
          }
          function viewer(input, root) {
            const sec = el('section', {'class': 'viewer', 'data-input': input.name}, root);
            el('h3', {text: input.name + ' (' + input.width + 'x' + input.height + ')'}, sec);
            const controls = el('div', {'class': 'controls'}, sec);
            const pick = el('select', {'aria-label': 'setting'}, el('label', {text: 'setting '}, controls));
            input.settings.forEach((s, i) => el('option', {value: i, text: s.label + ' - ' + s.bytes + ' bytes, '
              + s.bpp + ' bpp, SSIMULACRA2 ' + s.ssimulacra2}, pick));
            const view = el('select', {'aria-label': 'view'}, el('label', {text: 'view '}, controls));
            ['split', 'toggle', 'side by side'].forEach(v => el('option', {value: v, text: v}, view));
            const zoom = el('select', {'aria-label': 'zoom'}, el('label', {text: 'zoom '}, controls));
            zooms.forEach(z => el('option', {value: z, text: z + ':1'}, zoom));
            const slider = el('input', {type: 'range', min: 0, max: 100, value: 50, 'aria-label': 'split'},
              el('label', {text: 'split '}, controls));
            const flip = el('button', {type: 'button', text: 'show original'}, controls);
            const panes = el('div', {'class': 'panes'}, sec);
            function pane() {
              const p = el('div', {'class': 'pane'}, panes);
              const tag = el('span', {'class': 'tag'}, p);
              const stage = el('div', {'class': 'stage'}, p);
              return {p: p, tag: tag, stage: stage};
            }
            const a = pane(), b = pane();
            const orig = el('img', {src: input.original, alt: 'original', 'class': 'original'}, a.stage);
            const comp = el('img', {alt: 'compressed', 'class': 'compressed'}, a.stage);
            const orig2 = el('img', {src: input.original, alt: 'original'}, b.stage);
            const comp2 = el('img', {alt: 'compressed'}, b.stage);
            let showingOriginal = false, cx = 0.5, cy = 0.5;
            const strip = el('div', {'class': 'strip'}, sec);
            const figures = input.settings.map((s, i) => {
              const f = el('figure', {'data-setting': s.id}, strip);
              const crop = el('div', {'class': 'crop'}, f);
              const img = el('img', {src: s.src, alt: s.label, 'data-setting': s.id}, crop);
              watch(img);
              el('figcaption', {text: s.label + ' - ' + s.bpp + ' bpp, ' + s.ssimulacra2}, f);
              f.addEventListener('click', () => { pick.value = i; update(); });
              return img;
            });
            watch(orig);
            function placeCrops() {
              const z = Number(zoom.value);
              figures.forEach(img => {
                img.style.width = (input.width * z) + 'px';
                img.style.height = (input.height * z) + 'px';
                img.style.left = (80 - cx * input.width * z) + 'px';
                img.style.top = (80 - cy * input.height * z) + 'px';
              });
            }
            function update() {
              const s = input.settings[Number(pick.value)];
              const z = Number(zoom.value);
              comp.src = s.src; comp2.src = s.src;
              [a, b].forEach(x => {
                x.stage.style.width = (input.width * z) + 'px';
                x.stage.style.height = (input.height * z) + 'px';
              });
              const mode = view.value;
              b.p.style.display = mode === 'side by side' ? '' : 'none';
              orig2.style.display = 'none';
              slider.parentNode.style.display = mode === 'split' ? '' : 'none';
              flip.style.display = mode === 'toggle' ? '' : 'none';
              if (mode === 'split') {
                comp.style.display = '';
                comp.style.clipPath = 'inset(0 0 0 ' + slider.value + '%)';
                a.tag.textContent = 'original | ' + s.label;
              } else if (mode === 'toggle') {
                comp.style.clipPath = 'none';
                comp.style.display = showingOriginal ? 'none' : '';
                flip.textContent = showingOriginal ? 'show ' + s.label : 'show original';
                a.tag.textContent = showingOriginal ? 'original' : s.label;
              } else {
                comp.style.display = 'none';
                a.tag.textContent = 'original';
                b.tag.textContent = s.label;
              }
              figures.forEach((img, i) => img.parentNode.parentNode.classList.toggle('selected',
                i === Number(pick.value)));
              input.settings.forEach(x => {
                const tr = document.querySelector('tr[data-setting="' + x.id + '"]');
                if (tr) tr.classList.toggle('selected', x.id === s.id);
              });
              placeCrops();
            }
            a.p.addEventListener('scroll', () => { b.p.scrollLeft = a.p.scrollLeft; b.p.scrollTop = a.p.scrollTop; });
            b.p.addEventListener('scroll', () => { a.p.scrollLeft = b.p.scrollLeft; a.p.scrollTop = b.p.scrollTop; });
            a.stage.addEventListener('click', e => {
              const r = a.stage.getBoundingClientRect();
              cx = (e.clientX - r.left) / r.width; cy = (e.clientY - r.top) / r.height;
              placeCrops();
            });
            flip.addEventListener('click', () => { showingOriginal = !showingOriginal; update(); });
            document.addEventListener('keydown', e => {
              if (e.key === 't' && view.value === 'toggle') { showingOriginal = !showingOriginal; update(); }
            });
            [pick, view, zoom].forEach(c => c.addEventListener('change', update));
            slider.addEventListener('input', update);
            update();
          }
          const root = document.getElementById('viewers');
          REPORT.forEach(input => viewer(input, root));
        })();
        """;
}
