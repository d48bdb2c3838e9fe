/** use-intl's formatMessage for the server inside the build: compiled messages and ICU text alike. */
declare function formatMessage(key: string, message: unknown, values: unknown, options: unknown): unknown;
declare namespace formatMessage {
  const raw: boolean;
}
export default formatMessage;
