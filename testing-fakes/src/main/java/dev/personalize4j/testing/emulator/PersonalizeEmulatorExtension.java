package dev.personalize4j.testing.emulator;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit 5 extension: one {@link PersonalizeEmulator} per test class, started before all tests and
 * closed after them, injected as a test or lifecycle method parameter or into fields of type
 * {@code PersonalizeEmulator}. Use {@code @ExtendWith(PersonalizeEmulatorExtension.class)} for the
 * defaults, or {@code @RegisterExtension static PersonalizeEmulatorExtension e = new
 * PersonalizeEmulatorExtension(() -> PersonalizeEmulator.builder()...start());}.
 */
public final class PersonalizeEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestInstancePostProcessor {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PersonalizeEmulatorExtension.class);

  private final Supplier<PersonalizeEmulator> factory;

  /** An extension whose emulators have the default settings. */
  public PersonalizeEmulatorExtension() {
    this(PersonalizeEmulator::start);
  }

  /** An extension whose emulators come from {@code factory}. */
  public PersonalizeEmulatorExtension(Supplier<PersonalizeEmulator> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  private PersonalizeEmulator emulator(ExtensionContext classContext) {
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(key(classContext), k -> factory.get(),
        PersonalizeEmulator.class);
  }

  private static String key(ExtensionContext context) {
    return "emulator:" + context.getRequiredTestClass().getName();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    PersonalizeEmulator emulator = emulator(context);
    inject(context.getRequiredTestClass(), null, emulator);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    PersonalizeEmulator emulator = context.getStore(NAMESPACE).remove(key(context), PersonalizeEmulator.class);
    if (emulator != null) {
      emulator.close();
    }
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    inject(testInstance.getClass(), testInstance, emulator(classContext(context)));
  }

  private static void inject(Class<?> type, Object instance, PersonalizeEmulator emulator) throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() != PersonalizeEmulator.class) {
          continue;
        }
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        if (isStatic != (instance == null)) {
          continue;
        }
        if (Modifier.isFinal(f.getModifiers())) {
          throw new ExtensionConfigurationException("field " + f + " must not be final to receive the emulator");
        }
        f.setAccessible(true);
        f.set(instance, emulator);
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == PersonalizeEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return emulator(classContext(extensionContext));
  }
}
