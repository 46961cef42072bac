public enum CLIKitPlaceholder {}
