/** Small evidence files made by the tests themselves (the shared fixtures are real camera files). */
import sharp from 'sharp';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A JPEG with camera EXIF, optionally GPS, and optionally an XMP caption (XMP is UTF-8, so Persian survives). */
export async function jpegWithExif(options: { width?: number; height?: number; seed?: number; description?: string; gps?: boolean } = {}): Promise<Buffer> {
  const { width = 64, height = 48, seed = 1 } = options;
  const IFD0: Record<string, string> = { Make: 'TestCam', Model: 'Model 7', Software: 'vigil-tests' };
  const exif: Record<string, Record<string, string>> = {
    IFD0,
    IFD2: { DateTimeOriginal: '1988:07:30 09:15:00', BodySerialNumber: 'SN-12345' },
  };
  if (options.gps) exif.IFD3 = { GPSLatitudeRef: 'N', GPSLatitude: '35/1 47/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '51/1 23/1 0/1' };
  return sharp({ create: { width, height, channels: 3, background: { r: seed % 256, g: (seed * 7) % 256, b: (seed * 13) % 256 } } })
    .jpeg()
    .withExif(exif)
    .withXmp(
      options.description
        ? `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(options.description)}</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>`
        : '<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>',
    )
    .toBuffer();
}

export async function png(seed = 1): Promise<Buffer> {
  return sharp({ create: { width: 20, height: 10, channels: 3, background: { r: seed % 256, g: 0, b: 0 } } }).png().toBuffer();
}
