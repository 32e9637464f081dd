package io.cmlfleet.bootstrap.observability;

import io.cmlfleet.application.port.cloud.InstanceInventory;
import io.cmlfleet.application.port.cloud.InstanceLifecycle;
import io.cmlfleet.application.port.cloud.TelemetrySource;
import io.cmlfleet.application.port.cml.CmlControllerClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Wraps every bean implementing a cloud or CML port, the host's own included, so that each call is counted and its
 * outcome remembered ({@link PortCallMeter}). A non-final class is proxied by subclass, so that a bean injected by
 * its own class (a host's fake, say) still is one; a final one (the AWS adapters) behind its interfaces.
 */
public class MeteredPortsPostProcessor implements BeanPostProcessor {

    private static final Map<Class<?>, ExternalService> PORTS = new LinkedHashMap<>();

    static {
        PORTS.put(InstanceInventory.class, ExternalService.EC2);
        PORTS.put(InstanceLifecycle.class, ExternalService.EC2);
        PORTS.put(TelemetrySource.class, ExternalService.CLOUDWATCH);
        PORTS.put(CmlControllerClient.class, ExternalService.CML);
        PORTS.put(io.cmlfleet.application.port.cml.CmlLabOperations.class, ExternalService.CML);
        PORTS.put(io.cmlfleet.application.port.cml.CmlIdleStopOperations.class, ExternalService.CML);
    }

    private final ObjectProvider<MeterRegistry> registry;
    private final ObjectProvider<ExternalCallOutcomes> outcomes;

    public MeteredPortsPostProcessor(ObjectProvider<MeterRegistry> registry,
                                     ObjectProvider<ExternalCallOutcomes> outcomes) {
        this.registry = registry;
        this.outcomes = outcomes;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Map<Class<?>, ExternalService> implemented = new LinkedHashMap<>();
        PORTS.forEach((port, service) -> {
            if (port.isInstance(bean)) {
                implemented.put(port, service);
            }
        });
        if (implemented.isEmpty() || AopUtils.isAopProxy(bean)) {
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        boolean bySubclass = !Modifier.isFinal(bean.getClass().getModifiers())
                && !bean.getClass().isSynthetic() && !bean.getClass().isAnonymousClass()
                && !java.lang.reflect.Proxy.isProxyClass(bean.getClass());
        factory.setProxyTargetClass(bySubclass);
        if (!bySubclass) {
            factory.setInterfaces(ClassUtils.getAllInterfaces(bean));
        }
        factory.addAdvice(new PortCallMeter(implemented, registry::getIfAvailable, outcomes::getObject));
        return factory.getProxy(bean.getClass().getClassLoader());
    }
}
