public enum RevenueCyclePlaceholder {}
