// The encodings a person may choose to re-read a file with: named for the import review, which never reaches into
// the importer itself (the UI imports state, not ingest).
export { ENCODINGS, type EncodingId } from '../ingest/encoding';
