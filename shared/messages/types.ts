export interface MessageText {
  da: string;
  en: string;
}
