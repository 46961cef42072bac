public enum X12Placeholder {}
